//! `--format html` in a real browser: headless Chromium (Debian's
//! `chromium` package) loads the pages made from the report fixture corpus,
//! and the tests read the DOM it builds: one `li.finding` and one `<mark>`
//! per finding, with the found text inside, the literal `<script>` of the
//! fixture still text, and no element reaching past the right edge of a
//! 390 px phone viewport. Screenshots at phone size are kept under
//! `target/html-report/` for a person to look at.
//!
//! Chromium is looked up in `$CHROMIUM`, else as `chromium`,
//! `chromium-browser` or `google-chrome` on the PATH; without it the tests
//! skip with a message, unless `TERMALIGN_REQUIRE_TOOLS` is set (CI).

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{root, run};

const GLOSSARY: &str = "tests/fixtures/report/glossary.yaml";
const CORPUS: &str = "tests/fixtures/report/corpus";

/// What the fixture corpus produces: every finding's text, in report order
/// (path, then position).
const FOUND: [&str; 7] = [
    "Macau",
    "Ürümqi",
    "Ürümqi",
    "Formosa",
    "Tibet Autonomous Region",
    "Tibet",
    "foreign ministry spokesman",
];

fn html(command: &str, extra: &[&str]) -> String {
    let mut args = vec![
        command,
        "--no-default-glossaries",
        "--glossary",
        GLOSSARY,
        "--format",
        "html",
    ];
    args.extend_from_slice(extra);
    args.push(CORPUS);
    let (stdout, stderr, _) = run(&args);
    assert_eq!(stderr, "");
    stdout
}

#[test]
fn check_snapshot() {
    insta::assert_snapshot!(html("check", &[]).replace(env!("CARGO_PKG_VERSION"), "[VERSION]"));
}

#[test]
fn pages_are_self_contained() {
    for page in [html("check", &[]), html("report", &["--by", "glossary"])] {
        for external in [
            "<script",
            "<link",
            " src=",
            "href=\"http",
            "url(",
            "@import",
        ] {
            assert!(!page.contains(external), "page uses {external}");
        }
        assert!(page.contains("<meta name=\"viewport\""));
    }
}

fn skip(test: &str, why: &str) {
    let message = format!("{test}: skipped: {why}");
    if std::env::var_os("TERMALIGN_REQUIRE_TOOLS").is_some_and(|v| !v.is_empty()) {
        panic!("{message} (TERMALIGN_REQUIRE_TOOLS is set)");
    }
    // Not eprintln!: the harness would capture it for a passing test.
    let _ = writeln!(std::io::stderr(), "{message}");
}

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(p.into());
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// Runs headless Chromium on `page` in a `window`-sized window with `extra`
/// arguments; returns its stdout. A minute at most: a hung browser fails
/// the test.
fn chromium_run(browser: &Path, page: &Path, extra: &[String], window: (u32, u32)) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--window-size={},{}", window.0, window.1))
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 DOM")
}

/// The texts inside every `<mark>` of a serialized DOM.
fn marks(dom: &str) -> Vec<String> {
    dom.split("<mark>")
        .skip(1)
        .map(|s| s.split("</mark>").next().unwrap().to_owned())
        .collect()
}

/// A page that shows `page` in a 390 × `height` px frame, as a phone would,
/// and records how far right its widest element reaches. Headless Chromium
/// lays a window out at least 500 px wide (a screenshot is then cropped), so
/// only a frame gives the page a real phone-sized viewport.
fn phone_frame(page: &str, height: u32) -> String {
    format!(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="f" style="width:390px;height:{height}px;border:0;display:block" srcdoc="{}"></iframe>
<script>
const f = document.getElementById("f");
function measure() {{
  const d = f.contentDocument;
  const widest = Math.max(d.documentElement.scrollWidth,
    ...Array.from(d.querySelectorAll("body *"), e => e.getBoundingClientRect().right));
  document.body.setAttribute("data-viewport", f.contentWindow.innerWidth);
  document.body.setAttribute("data-widest", Math.ceil(widest));
}}
if (f.contentDocument && f.contentDocument.readyState === "complete") measure();
f.addEventListener("load", measure);
</script></body></html>"#,
        termalign::report::html::escape(page)
    )
}

/// The width and height of a PNG (from its IHDR chunk).
fn png_size(path: &Path) -> (u32, u32) {
    let png = std::fs::read(path).expect("screenshot written");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let be = |i: usize| u32::from_be_bytes(png[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

/// What Chromium made of a page: its DOM, and how far right the widest
/// element reaches in a 390 px viewport.
struct Rendered {
    dom: String,
    viewport: u32,
    widest: u32,
}

fn attribute(dom: &str, name: &str) -> u32 {
    let start = dom
        .split(&format!("{name}=\""))
        .nth(1)
        .unwrap_or_else(|| panic!("probe did not set {name}"));
    start[..start.find('"').unwrap()].parse().unwrap()
}

/// Saves the page under target/html-report, dumps its DOM, measures it in
/// a phone-sized frame, and takes screenshots: the first screen of a phone
/// (`-phone.png`) and the whole page at phone width (`-full.png`).
fn render(test: &str, page: &str) -> Option<Rendered> {
    let Some(browser) = chromium() else {
        skip(
            test,
            "chromium not found (apt-get install chromium, or set CHROMIUM)",
        );
        return None;
    };
    let dir = root().join("target/html-report");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{test}.html"));
    std::fs::write(&file, page).unwrap();
    let dom = chromium_run(&browser, &file, &["--dump-dom".to_owned()], (390, 844));

    let phone = dir.join(format!("{test}.phone.html"));
    std::fs::write(&phone, phone_frame(page, 844)).unwrap();
    let probe = chromium_run(&browser, &phone, &["--dump-dom".to_owned()], (390, 844));
    let shot = dir.join(format!("{test}-phone.png"));
    let _ = std::fs::remove_file(&shot);
    chromium_run(
        &browser,
        &phone,
        &[format!("--screenshot={}", shot.display())],
        (390, 844),
    );
    assert_eq!(png_size(&shot), (390, 844));

    let full = dir.join(format!("{test}.full.html"));
    std::fs::write(&full, phone_frame(page, 6000)).unwrap();
    let shot = dir.join(format!("{test}-full.png"));
    let _ = std::fs::remove_file(&shot);
    chromium_run(
        &browser,
        &full,
        &[format!("--screenshot={}", shot.display())],
        (390, 6000),
    );
    assert_eq!(png_size(&shot), (390, 6000));

    Some(Rendered {
        dom,
        viewport: attribute(&probe, "data-viewport"),
        widest: attribute(&probe, "data-widest"),
    })
}

fn assert_fits_a_phone(r: &Rendered) {
    assert_eq!(r.viewport, 390);
    assert!(r.widest <= 390, "wider than the phone: {} px", r.widest);
}

#[test]
fn check_page_in_chromium() {
    let Some(r) = render("check", &html("check", &[])) else {
        return;
    };
    let dom = &r.dom;
    assert_eq!(dom.matches("<li class=\"finding ").count(), FOUND.len());
    assert_eq!(dom.matches("<li class=\"finding error\"").count(), 1);
    assert_eq!(marks(dom), FOUND);
    // The fixture's literal `<script>alert("Formosa")</script>` stayed text.
    assert!(!dom.contains("<script"));
    assert!(dom.contains("&lt;script&gt;alert(\"<mark>Formosa</mark>\")&lt;/script&gt; &amp; &lt;b&gt;Taiwan&lt;/b&gt;"));
    // The term across a line break is one occurrence; coverage is there too.
    assert!(dom.contains("European External Action Service"));
    assert!(dom.contains("id=\"coverage\""));
    assert!(dom.contains("id=\"inconsistencies\""));
    assert_fits_a_phone(&r);
}

#[test]
fn report_page_in_chromium() {
    let Some(r) = render("report", &html("report", &["--by", "file"])) else {
        return;
    };
    let dom = &r.dom;
    assert_eq!(marks(dom), FOUND);
    // Per-file conformance, one concept table per file with terms, and the
    // two tables of inconsistencies.
    assert_eq!(dom.matches("<table class=\"stack conformance\"").count(), 1);
    assert_eq!(dom.matches("<table class=\"stack concepts\"").count(), 4);
    assert_eq!(
        dom.matches("<table class=\"stack inconsistent-documents\"")
            .count(),
        1
    );
    assert_eq!(
        dom.matches("<table class=\"stack inconsistent-corpus\"")
            .count(),
        1
    );
    assert!(dom.contains("<b>81.0%</b>"));
    assert_fits_a_phone(&r);
}
