//! How the web view paints on Linux when the machine has no GPU.
//!
//! WebKitGTK paints the page's layers with Skia on the GPU through OpenGL. With no GPU that
//! OpenGL is Mesa's software renderer (llvmpipe), and on a busy machine a frame then takes
//! seconds to appear: measured with `make measure` at 1,000 initiatives, the board painted
//! 1.8–2.7 s after navigation that way, and 0.4–0.45 s with Skia painting on the CPU. So when
//! no GPU can be seen, the app asks WebKit to paint on the CPU (it still composites); an
//! explicit `WEBKIT_SKIA_ENABLE_CPU_RENDERING` in the environment is left as it is.

use std::path::Path;

/// The variable WebKitGTK reads: `1` has Skia paint on the CPU.
const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Where the kernel lists the GPUs' render nodes.
const DRI: &str = "/dev/dri";

/// Has WebKit paint on the CPU when the machine shows no GPU. Call it before
/// the first window is made (the web view reads the variable once), while the app runs only
/// one thread.
pub fn choose() {
    if std::env::var_os(CPU_PAINTING).is_none() && !has_gpu(Path::new(DRI)) {
        std::env::set_var(CPU_PAINTING, "1");
    }
}

/// Whether `dri` (the kernel's DRI folder) holds a GPU's render node (`renderD128`…).
fn has_gpu(dri: &Path) -> bool {
    std::fs::read_dir(dri)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::has_gpu;

    #[test]
    fn a_render_node_is_a_gpu() {
        let dri = tempfile::tempdir().unwrap();
        std::fs::write(dri.path().join("renderD128"), "").unwrap();
        assert!(has_gpu(dri.path()));
    }

    #[test]
    fn no_render_node_is_no_gpu() {
        let dri = tempfile::tempdir().unwrap();
        std::fs::write(dri.path().join("card0"), "").unwrap();
        assert!(!has_gpu(dri.path()));
        assert!(!has_gpu(&dri.path().join("missing")));
    }
}
