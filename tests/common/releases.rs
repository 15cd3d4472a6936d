//! Releases made through `cadence release add`, as the release tests set them up.

/// The arguments of `cadence release add`: a name, the one problem it fixes, its target and
/// backup dates and its three owners (scope, delivery, readiness), for a test to add flags to.
pub struct ReleaseAdd<'a> {
    name: &'a str,
    fixes: &'a str,
    target: &'a str,
    backup: &'a str,
    owners: [&'a str; 3],
}

impl<'a> ReleaseAdd<'a> {
    /// Release `name` due on `target` (backup `backup`) that fixes "Invoices reach customers",
    /// its scope owned by Ana Lima, its delivery by Ben Okafor and its readiness by Chen Wei.
    pub fn new(name: &'a str, target: &'a str, backup: &'a str) -> Self {
        ReleaseAdd {
            name,
            fixes: "Invoices reach customers",
            target,
            backup,
            owners: ["Ana Lima", "Ben Okafor", "Chen Wei"],
        }
    }

    /// The one problem the release fixes.
    pub fn fixes(mut self, fixes: &'a str) -> Self {
        self.fixes = fixes;
        self
    }

    /// Who owns the scope, the delivery and the readiness.
    pub fn owners(mut self, scope: &'a str, delivery: &'a str, readiness: &'a str) -> Self {
        self.owners = [scope, delivery, readiness];
        self
    }

    /// `release add NAME --fixes … --target … --backup … --scope-owner … --delivery-owner …
    /// --readiness-owner …`
    pub fn args(&self) -> Vec<&'a str> {
        let [scope, delivery, readiness] = self.owners;
        vec![
            "release",
            "add",
            self.name,
            "--fixes",
            self.fixes,
            "--target",
            self.target,
            "--backup",
            self.backup,
            "--scope-owner",
            scope,
            "--delivery-owner",
            delivery,
            "--readiness-owner",
            readiness,
        ]
    }
}
