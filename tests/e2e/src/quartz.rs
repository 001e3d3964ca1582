//! A notes site as Quartz 4.5.2 publishes it: notes rendered by Quartz's own pipeline
//! (tests/e2e/quartz/render.mjs, its pinned npm packages in `$QUARTZ`, installed by
//! scripts/setup.sh's `need_quartz`), served on a loopback origin of their own. For the embed's
//! test in a Quartz site and its screenshots.

use std::path::PathBuf;
use std::process::Command;

use crate::{StaticServer, TempDir};

/// Renders `notes` (name, Markdown) through Quartz's pipeline into a folder served on its own
/// loopback origin.
pub fn quartz_site(notes: &[(&str, String)]) -> (StaticServer, TempDir) {
    let modules = PathBuf::from(std::env::var("QUARTZ").expect("$QUARTZ: scripts/setup.sh's need_quartz installs Quartz's packages"));
    let site = TempDir::new("lab-quartz");
    let (source, out) = (site.path().join("notes"), site.path().join("public"));
    std::fs::create_dir_all(&source).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    for (name, text) in notes {
        std::fs::write(source.join(format!("{name}.md")), text).unwrap();
    }
    // Beside the packages, where Node resolves them; a name of this test's own.
    let render = modules.join(format!("render-{}-{}.mjs", std::process::id(), crate::free_port()));
    std::fs::copy(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("quartz/render.mjs"), &render).expect("render.mjs");
    let done = Command::new("node").arg(&render).arg(&source).arg(&out).output().expect("node");
    let _ = std::fs::remove_file(&render);
    assert!(done.status.success(), "Quartz's pipeline failed: {}", String::from_utf8_lossy(&done.stderr));
    (StaticServer::start(out, "/"), site)
}
