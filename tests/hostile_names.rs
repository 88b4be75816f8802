//! Output names unique by construction (issue 13, items 4 and 9): two sources that would write the
//! same file are a located error naming both, in `check` and `build`, before anything is written;
//! so is a name too long for a file system.

use std::fs;
use std::path::Path;
use std::process::Command;

mod fs_support;
use fs_support::copy_tree;

fn base() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/load/base");
    copy_tree(&fixture, dir.path());
    dir
}

const COUNTY: &str = "counties/city/county/jurisdiction.toml";

fn county(name: &str) -> String {
    format!("name = \"{name}\"\nlevel = \"county\"\nparent = \"测试市\"\n")
}

/// Runs `zhinan check` and `zhinan build`; both must refuse with the same located errors.
fn refused(dir: &Path) -> String {
    let run = |cmd: &str| {
        Command::new(env!("CARGO_BIN_EXE_zhinan"))
            .args(["-C", dir.to_str().unwrap(), cmd])
            .output()
            .unwrap()
    };
    let check = run("check");
    let build = run("build");
    assert_eq!(
        check.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    assert_eq!(
        build.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&build.stdout)
    );
    assert!(!dir.join("out").exists(), "nothing is written");
    let stderr = String::from_utf8_lossy(&check.stderr).into_owned();
    assert_eq!(stderr, String::from_utf8_lossy(&build.stderr));
    stderr
}

#[test]
fn jurisdictions_sharing_an_output_folder() {
    for (second, snapshot) in [("测试/县", "slash"), (" 测试_县 ", "spaces")] {
        let dir = base();
        fs::write(dir.path().join(COUNTY), county("测试_县")).unwrap();
        let other = dir.path().join("counties/city/county2/jurisdiction.toml");
        fs::create_dir_all(other.parent().unwrap()).unwrap();
        fs::write(&other, county(second)).unwrap();
        let stderr = refused(dir.path());
        assert!(stderr.contains("build::name-collision"), "{stderr}");
        assert!(stderr.contains("county/jurisdiction.toml:1:8"), "{stderr}");
        assert!(stderr.contains("county2/jurisdiction.toml:1:8"), "{stderr}");
        insta::assert_snapshot!(format!("jurisdictions-{snapshot}"), stderr);
    }
}

fn flow(title: &str) -> String {
    format!(
        "\n[[item.flow]]\ntitle = \"{title}\"\nnodes = [{{ id = \"a\", kind = \"start\", text = \"申请\" }}, {{ id = \"b\", kind = \"end\", text = \"办结\" }}]\nedges = [{{ from = \"a\", to = \"b\" }}]\n"
    )
}

#[test]
fn items_sharing_an_output_file() {
    let dir = base();
    let items = dir.path().join("counties/city/county/items/02-local.toml");
    let text = format!(
        "[[item]]\nid = \"6\"\nlocal = true\nname = \"事项六\"\n{}{}\n[[item]]\nid = \"6-2\"\nlocal = true\nname = \"事项六之二\"\n{}\n[[item]]\nid = \"a/b\"\nlocal = true\nname = \"甲\"\n\n[[item]]\nid = \"a_b\"\nlocal = true\nname = \"乙\"\n",
        flow("流程一"),
        flow("流程二"),
        flow("流程三")
    );
    fs::write(&items, text).unwrap();
    let stderr = refused(dir.path());
    assert_eq!(
        stderr.matches("build::name-collision").count(),
        2,
        "{stderr}"
    );
    insta::assert_snapshot!("items", stderr);
}

#[test]
fn a_name_too_long_for_the_file_system() {
    let dir = base();
    fs::write(dir.path().join(COUNTY), county(&"县".repeat(100))).unwrap();
    let stderr = refused(dir.path());
    assert!(stderr.contains("build::name-too-long"), "{stderr}");
    assert!(stderr.contains("county/jurisdiction.toml:1:8"), "{stderr}");
}
