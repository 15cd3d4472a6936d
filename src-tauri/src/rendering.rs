//! How the web view paints on Linux when the machine has no GPU.
//!
//! WebKitGTK paints the page's layers with Skia on the GPU through OpenGL. With no GPU that
//! OpenGL is Mesa's software renderer (llvmpipe), and on a busy machine a frame then takes
//! seconds to appear: measured with `make measure` at 1,000 initiatives, the board painted
//! 1.8–2.7 s after navigation that way, and 0.4–0.45 s with Skia painting on the CPU. So when
//! no GPU can be seen, the app asks WebKit to paint on the CPU (it still composites); an
//! explicit `WEBKIT_SKIA_ENABLE_CPU_RENDERING` in the environment is left as it is.
//!
//! Painting on the CPU, WebKit paints a frame's tiles on half the machine's cores and starts
//! the next frame only once they are done, while the page's own thread waits. The app gives
//! it every core instead: on 2 cores at 1,000 initiatives (`make measure`, idle machine) the
//! board painted 274–290 ms after navigation with WebKit's one painting thread and 162–181 ms
//! with two, the home view 106–138 ms and 102 ms. An explicit
//! `WEBKIT_SKIA_CPU_PAINTING_THREADS` is left as it is.
//!
//! Even painted on the CPU, the layers are still composited through OpenGL, that is through
//! llvmpipe, and every composited frame of the 1600×1000 window costs both cores several
//! milliseconds: about 300 ms of CPU time for a navigation to the board, and about 1.2 s more
//! in the three seconds after any navigation to a page taller than the window, while WebKit
//! repaints its scrollbar. So with no GPU the app also turns compositing off
//! (`WEBKIT_DISABLE_COMPOSITING_MODE=1`): WebKit then paints the page straight into the
//! window's buffer on the page's own thread. At 1,000 initiatives (`make measure`, 2 cores,
//! load 1–3, medians of two runs each, composited → not) the board painted 210–391 → 163–178
//! ms after its first navigation and 190–289 → 114–115 ms after the next, the home view
//! 94–170 → 79–88 ms. An explicit `WEBKIT_DISABLE_COMPOSITING_MODE` is left as it is.

use std::ffi::OsStr;
use std::path::Path;

/// The variable WebKitGTK reads: `1` has Skia paint on the CPU.
const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// The variable WebKitGTK reads for how many threads paint on the CPU.
const PAINTING_THREADS: &str = "WEBKIT_SKIA_CPU_PAINTING_THREADS";

/// The variable WebKitGTK reads: set, it draws the page without composited layers.
const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Where the kernel lists the GPUs' render nodes.
const DRI: &str = "/dev/dri";

/// Has WebKit paint on the CPU, on every core, without compositing when the machine shows no
/// GPU. Call it before the first window is made (the web view reads the variables once), while
/// the app runs only one thread.
pub fn choose() {
    let gpu = has_gpu(Path::new(DRI));
    if std::env::var_os(CPU_PAINTING).is_none() && !gpu {
        std::env::set_var(CPU_PAINTING, "1");
    }
    if turn_compositing_off(std::env::var_os(NO_COMPOSITING).as_deref(), gpu) {
        std::env::set_var(NO_COMPOSITING, "1");
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if let Some(threads) = painting_threads(
        std::env::var_os(CPU_PAINTING).as_deref(),
        std::env::var_os(PAINTING_THREADS).as_deref(),
        cores,
    ) {
        std::env::set_var(PAINTING_THREADS, threads);
    }
}

/// How many threads to have paint on the CPU, given the two variables as they stand and the
/// machine's cores: every core when Skia paints on the CPU and nobody chose a number.
fn painting_threads(cpu: Option<&OsStr>, threads: Option<&OsStr>, cores: usize) -> Option<String> {
    (cpu.is_some_and(|v| v == "1") && threads.is_none()).then(|| cores.to_string())
}

/// Whether to turn compositing off, given the variable as it stands and whether the machine
/// has a GPU: when it has none and nobody chose.
fn turn_compositing_off(chosen: Option<&OsStr>, gpu: bool) -> bool {
    chosen.is_none() && !gpu
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
    use std::ffi::OsStr;

    use super::{has_gpu, painting_threads, turn_compositing_off};

    #[test]
    fn painting_on_the_cpu_takes_every_core_unless_a_number_was_chosen() {
        let one = Some(OsStr::new("1"));
        assert_eq!(painting_threads(one, None, 2), Some("2".into()));
        assert_eq!(painting_threads(one, Some(OsStr::new("3")), 2), None);
        assert_eq!(painting_threads(Some(OsStr::new("0")), None, 2), None);
        assert_eq!(painting_threads(None, None, 2), None);
    }

    #[test]
    fn compositing_goes_off_without_a_gpu_unless_it_was_chosen() {
        assert!(turn_compositing_off(None, false));
        assert!(!turn_compositing_off(None, true));
        assert!(!turn_compositing_off(Some(OsStr::new("0")), false));
    }

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
