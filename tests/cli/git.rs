//! A real `git` in a temporary repository, set up with `argmap
//! git-setup`: two branches edit the bundled map, `git merge` runs the map
//! merge driver, `git diff` the map diff.

#![expect(
    clippy::disallowed_methods,
    reason = "Tests make, change and read real files themselves."
)]

use std::path::Path;
use std::process::{Command, Output};

use argmap::model::{CONFLICT_TAG, Claim, ClaimId, Link, LinkKind, Map, Pos, Target};
use argmap::store;

/// Runs `program` in `dir` with a clean git environment (no user or
/// system config, a fixed author).
fn run(program: &str, args: &[&str], dir: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Coach")
        .env("GIT_AUTHOR_EMAIL", "coach@example.org")
        .env("GIT_COMMITTER_NAME", "Coach")
        .env("GIT_COMMITTER_EMAIL", "coach@example.org")
        .env("GIT_PAGER", "cat")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"))
}

fn git(args: &[&str], dir: &Path) -> Output {
    run("git", args, dir)
}

/// `git` that must succeed; its standard output.
fn git_ok(args: &[&str], dir: &Path) -> String {
    let output = git(args, dir);
    assert!(
        output.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn argmap(args: &[&str], dir: &Path) -> Output {
    run(env!("CARGO_BIN_EXE_argmap"), args, dir)
}

/// A repository holding the bundled map as `case.ron`, set up for maps.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = dir.path();
    git_ok(&["init", "-q", "-b", "main"], repo);
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/social-credit-system.ron"),
        repo.join("case.ron"),
    )
    .expect("copied");
    let setup = argmap(&["git-setup"], repo);
    let said = String::from_utf8_lossy(&setup.stdout);
    assert!(
        setup.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&setup.stderr)
    );
    assert!(said.contains(".gitattributes: added"), "{said}");
    assert!(said.contains("merge.argmap.driver"), "{said}");
    // Run again, it changes nothing.
    let again = argmap(&["git-setup"], repo);
    assert!(String::from_utf8_lossy(&again.stdout).contains("already"));
    git_ok(&["add", "."], repo);
    git_ok(&["commit", "-q", "-m", "The case"], repo);
    dir
}

fn edit(repo: &Path, change: impl FnOnce(&mut Map)) {
    let path = repo.join("case.ron");
    let mut map = store::read_map(&path).expect("reads");
    change(&mut map);
    store::write_map(&path, &map).expect("writes");
}

fn texts_of(map: &Map) -> Vec<String> {
    map.claims.values().map(|c| c.text.clone()).collect()
}

fn rebut(map: &mut Map, objection: ClaimId, text: &str) -> ClaimId {
    let at = map.claims[&objection].pos;
    let rebuttal = map.add_claim(Claim::new(text, Pos::new(at.x, at.y + 200.0)));
    map.add_link(Link::new(
        LinkKind::Attack,
        vec![rebuttal],
        Target::Claim(objection),
    ));
    rebuttal
}

/// The objections of the bundled map: claims that attack another claim.
fn objections(map: &Map) -> Vec<ClaimId> {
    map.links
        .values()
        .filter(|l| l.kind == LinkKind::Attack && matches!(l.target, Target::Claim(_)))
        .map(|l| l.premises[0])
        .collect()
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs git: `bash .ci/test` sets it up and runs it"
)]
fn two_branches_merge_cleanly_through_the_driver_and_diff_by_claim() {
    let dir = repository();
    let repo = dir.path();
    let base = store::read_map(&repo.join("case.ron")).expect("reads");
    let targets = objections(&base);
    // One student adds the opposition's rebuttals...
    git_ok(&["checkout", "-q", "-b", "rebuttals"], repo);
    edit(repo, |map| {
        rebut(map, targets[0], "The cited programme never scored anyone.");
        rebut(map, targets[1], "That report predates the current rules.");
    });
    git_ok(&["commit", "-q", "-am", "Rebuttals"], repo);
    // ...another rewrites the evidence and drags cards.
    git_ok(&["checkout", "-q", "main"], repo);
    edit(repo, |map| {
        if let Some(c) = map.claims.get_mut(&ClaimId(5)) {
            c.text = format!("{} (as two think tanks found)", c.text);
        }
        for id in [ClaimId(2), ClaimId(3), ClaimId(7)] {
            if let Some(c) = map.claims.get_mut(&id) {
                c.pos.x += 120.0;
            }
        }
        let evidence = map.add_claim(Claim::new(
            "A 2024 audit found no national score.",
            Pos::default(),
        ));
        map.add_link(Link::new(
            LinkKind::Support,
            vec![evidence],
            Target::Claim(ClaimId(3)),
        ));
    });
    git_ok(&["commit", "-q", "-am", "Evidence and layout"], repo);
    // Both sides gave their first new claim the same id: a line merge
    // would clash; the driver keeps both.
    let merge = git(&["merge", "--no-edit", "rebuttals"], repo);
    assert!(
        merge.status.success(),
        "{}{}",
        String::from_utf8_lossy(&merge.stdout),
        String::from_utf8_lossy(&merge.stderr)
    );
    let check = argmap(&["check", "case.ron"], repo);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let merged = store::read_map(&repo.join("case.ron")).expect("the merge reads");
    assert_eq!(merged.claims.len(), base.claims.len() + 3);
    assert!(texts_of(&merged).contains(&"A 2024 audit found no national score.".to_owned()));
    let texts: Vec<&str> = merged.claims.values().map(|c| c.text.as_str()).collect();
    assert!(texts.contains(&"The cited programme never scored anyone."));
    assert!(texts.contains(&"That report predates the current rules."));
    assert!(
        merged.claims[&ClaimId(5)]
            .text
            .ends_with("(as two think tanks found)")
    );
    assert!(
        (merged.claims[&ClaimId(2)].pos.x - base.claims[&ClaimId(2)].pos.x - 120.0).abs() < 0.01
    );
    assert!(
        !merged
            .claims
            .values()
            .any(|c| c.tags.iter().any(|t| t == CONFLICT_TAG))
    );
    // git diff shows the merge's changes by claim.
    let diff = git_ok(&["diff", "HEAD~1", "HEAD", "--", "case.ron"], repo);
    assert!(diff.contains("map case.ron"), "{diff}");
    assert!(
        diff.contains("The cited programme never scored anyone."),
        "{diff}"
    );
    assert!(diff.contains("+ #"), "{diff}");
    // And git log -p with the external diff.
    let log = git_ok(
        &["log", "-p", "--ext-diff", "-1", "HEAD~1", "--", "case.ron"],
        repo,
    );
    assert!(
        log.contains("~ #5 text:") && log.contains("missing.{+ (as two think tanks found)+}"),
        "{log}"
    );
    assert!(log.contains("3 cards moved"), "{log}");
    // Plain git log -p: a line diff of the maps a claim per line, the
    // dragged cards nowhere in it.
    let plain = git_ok(&["log", "-p", "-1", "HEAD~1", "--", "case.ron"], repo);
    assert!(
        plain.contains("\n+#47: A 2024 audit found no national score."),
        "{plain}"
    );
    assert!(plain.contains("\n+link #44: #47 supports #3"), "{plain}");
    assert!(
        plain.contains("\n-#5") && plain.contains("\n+#5"),
        "{plain}"
    );
    assert!(!plain.contains("pos"), "{plain}");
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs git: `bash .ci/test` sets it up and runs it"
)]
fn a_true_conflict_leaves_a_loadable_map_with_the_conflict_marked() {
    let dir = repository();
    let repo = dir.path();
    git_ok(&["checkout", "-q", "-b", "theirs"], repo);
    edit(repo, |map| {
        if let Some(c) = map.claims.get_mut(&ClaimId(3)) {
            c.text = "Their wording of the claim.".into();
        }
    });
    git_ok(&["commit", "-q", "-am", "Their wording"], repo);
    git_ok(&["checkout", "-q", "main"], repo);
    edit(repo, |map| {
        if let Some(c) = map.claims.get_mut(&ClaimId(3)) {
            c.text = "Our wording of the claim.".into();
        }
    });
    git_ok(&["commit", "-q", "-am", "Our wording"], repo);
    let merge = git(&["merge", "--no-edit", "theirs"], repo);
    assert!(!merge.status.success(), "a conflict stops the merge");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&merge.stdout),
        String::from_utf8_lossy(&merge.stderr)
    );
    assert!(
        said.contains("claim #3: the text: theirs was “Their wording of the claim.”"),
        "{said}"
    );
    // The file in the work tree is a sound map, no <<<<<<< in it.
    let text = std::fs::read_to_string(repo.join("case.ron")).expect("reads");
    assert!(!text.contains("<<<<<<<"));
    let check = argmap(&["check", "case.ron"], repo);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let merged = store::read_map(&repo.join("case.ron")).expect("reads");
    let claim = &merged.claims[&ClaimId(3)];
    assert_eq!(claim.text, "Our wording of the claim.");
    assert!(claim.tags.iter().any(|t| t == CONFLICT_TAG));
    assert!(
        claim
            .note
            .as_deref()
            .is_some_and(|n| n.contains("Their wording of the claim."))
    );
    // The map checks list it.
    let lint = argmap(&["lint", "case.ron"], repo);
    let lint = String::from_utf8_lossy(&lint.stdout);
    assert!(lint.contains("claim #3: merge-conflict"), "{lint}");
    // git holds the path unmerged until the user resolves it.
    assert!(git_ok(&["status", "--short"], repo).contains("UU case.ron"));
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs git: `bash .ci/test` sets it up and runs it"
)]
fn a_map_whose_path_starts_with_a_dash_diffs_and_merges_by_id() {
    let dir = repository();
    let repo = dir.path();
    git_ok(&["mv", "--", "case.ron", "-o.ron"], repo);
    git_ok(&["commit", "-q", "-m", "Renamed"], repo);
    let path = repo.join("-o.ron");
    let change = |text: &str| {
        let mut map = store::read_map(&path).expect("reads");
        let thesis = map.thesis.expect("thesis");
        rebut(&mut map, thesis, text);
        store::write_map(&path, &map).expect("writes");
    };
    git_ok(&["checkout", "-q", "-b", "theirs"], repo);
    change("Theirs answers the thesis.");
    git_ok(&["commit", "-q", "-am", "Theirs"], repo);
    git_ok(&["checkout", "-q", "main"], repo);
    change("Ours answers the thesis.");
    // The diff runs on the dashed path.
    let diff = git_ok(&["diff", "--", "-o.ron"], repo);
    assert!(diff.contains("Ours answers the thesis."), "{diff}");
    git_ok(&["commit", "-q", "-am", "Ours"], repo);
    // Both sides added claim #47: the driver merges them, keeping both.
    let merge = git(&["merge", "-q", "--no-edit", "theirs"], repo);
    assert!(
        merge.status.success(),
        "{}{}",
        String::from_utf8_lossy(&merge.stdout),
        String::from_utf8_lossy(&merge.stderr)
    );
    let merged = store::read_map(&path).expect("the merged map loads");
    let texts = texts_of(&merged);
    for text in ["Ours answers the thesis.", "Theirs answers the thesis."] {
        assert!(texts.iter().any(|t| t == text), "{text} kept");
    }
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs git: `bash .ci/test` sets it up and runs it"
)]
fn git_setup_checks_everything_before_it_writes_anything() {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = dir.path();
    git_ok(&["init", "-q", "-b", "main"], repo);
    std::fs::create_dir(repo.join(".gitattributes")).expect("a folder in the way");
    let setup = argmap(&["git-setup"], repo);
    assert!(!setup.status.success());
    let said = String::from_utf8_lossy(&setup.stderr);
    assert!(
        said.contains(".gitattributes") && said.contains("nothing was changed"),
        "{said}"
    );
    let config = git(&["config", "--local", "--get", "merge.argmap.driver"], repo);
    assert!(!config.status.success(), "no git config was written");
}
