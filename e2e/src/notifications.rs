//! A notification server for the tests: it takes the name `org.freedesktop.Notifications` on
//! the test's session bus (`dbus-run-session`, as `make e2e` runs the suite) and keeps every
//! notification the app sends, so a test can read them and click one.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use zbus::object_server::SignalEmitter;
use zbus::OwnedVariant;

const PATH: &str = "/org/freedesktop/Notifications";

/// A notification as the app sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub id: u32,
    pub app_name: String,
    pub summary: String,
    pub body: String,
    /// Action keys and labels, alternating, as the specification sends them.
    pub actions: Vec<String>,
}

type Inbox = Arc<Mutex<Vec<Received>>>;

struct Server {
    inbox: Inbox,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Server {
    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".into(), "actions".into()]
    }

    #[zbus(out_args("name", "vendor", "version", "spec_version"))]
    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "cadence-e2e".into(),
            "Cadence".into(),
            "1".into(),
            "1.2".into(),
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: String,
        replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        _hints: HashMap<String, OwnedVariant>,
        _expire_timeout: i32,
    ) -> u32 {
        let mut inbox = self.inbox.lock().unwrap_or_else(PoisonError::into_inner);
        let id = if replaces_id != 0 {
            replaces_id
        } else {
            inbox.len() as u32 + 1
        };
        inbox.push(Received {
            id,
            app_name,
            summary,
            body,
            actions,
        });
        id
    }

    fn close_notification(&self, _id: u32) {}

    /// Sent when the person clicks a notification (`default`) or one of its actions.
    #[zbus(signal)]
    async fn action_invoked(
        emitter: &SignalEmitter<'_>,
        id: u32,
        action_key: &str,
    ) -> zbus::Result<()>;
}

/// The running server; the name is given back when it is dropped.
pub struct NotificationServer {
    connection: zbus::Connection,
    inbox: Inbox,
}

impl NotificationServer {
    /// Takes the notification server's name on the session bus.
    pub async fn start() -> zbus::Result<Self> {
        let inbox = Inbox::default();
        let connection = zbus::connection::Builder::session()
            .name("org.freedesktop.Notifications")
            .replace_existing_names(true)
            .serve_at(
                PATH,
                Server {
                    inbox: Arc::clone(&inbox),
                },
            )
            .build()
            .await?;
        Ok(NotificationServer { connection, inbox })
    }

    /// Every notification received so far, in order.
    pub fn received(&self) -> Vec<Received> {
        self.inbox
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Clicks notification `id`, as a person clicking its body does.
    pub async fn click(&self, id: u32) -> zbus::Result<()> {
        let iface = self
            .connection
            .object_server()
            .interface::<_, Server>(PATH)
            .await?;
        Server::action_invoked(iface.signal_emitter(), id, "default").await
    }
}
