"""The review report of raw_docs/ opened in a real headless Chromium (Debian's chromium package): every
finding beside a picture that loaded, marks inside their pictures, links to files that exist, filters
that hide and show, no console error, and a layout that holds at phone width. Screenshots of the
index and of one document's page are left in build/ for a person to look at."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlparse

from pipeline.review.formatting import SEVERITY_ORDER

PHONE = 375


def document_pages(index: Path) -> list[Path]:
    return sorted((index.parent / "documents").glob("*.html"))


def test_every_finding_appears_beside_a_picture_that_loaded(samples_review: Path, samples_findings: list,
                                                             open_page: Callable) -> None:
    index = open_page(samples_review)
    rows = index.eval_on_selector_all("tr[data-finding]", """rows => rows.map(row => ({
        check: row.dataset.check, severity: row.dataset.severity,
        text: row.cells[4].innerText, link: row.cells[4].querySelector('a').href}))""")
    assert len(rows) == len(samples_findings)
    for file_name, check, severity, message in samples_findings:
        [row] = [row for row in rows if row["check"] == check and message.endswith(row["text"])
                 and f"/{Path(file_name).stem}-" in row["link"]]
        assert row["severity"] == severity
    seen = 0
    for path in document_pages(samples_review):
        page = open_page(path)
        findings = page.eval_on_selector_all("li.finding", """items => items.map(item => {
            const card = item.closest('[data-card]');
            const pictures = [...card.querySelectorAll('img.crop')];
            return {key: item.dataset.finding,
                    pictures: pictures.map(img => img.complete && img.naturalWidth > 0),
                    marks: card.querySelectorAll(`.mark[data-findings~="${item.dataset.finding}"]`).length};
        })""")
        for finding in findings:
            assert finding["pictures"] and all(finding["pictures"]), f"{path.name}: {finding}"
            assert finding["marks"] > 0, f"{path.name}: finding {finding['key']} is marked nowhere"
        seen += len(findings)
        assert page.errors == [], f"{path.name}: {page.errors}"
    assert seen == len(samples_findings)
    assert index.errors == []


def test_marks_lie_inside_their_pictures(samples_review: Path, open_page: Callable) -> None:
    checked = 0
    for path in document_pages(samples_review):
        page = open_page(path)
        outside = page.eval_on_selector_all(".mark", """marks => marks.map(mark => {
            const picture = mark.parentElement.querySelector('img.crop').getBoundingClientRect();
            const box = mark.getBoundingClientRect();
            const inside = box.left >= picture.left - 0.5 && box.right <= picture.right + 0.5 &&
                           box.top >= picture.top - 0.5 && box.bottom <= picture.bottom + 0.5;
            return inside && box.width > 0 && box.height > 0 ? null : mark.title;
        })""")
        checked += len(outside)
        assert [title for title in outside if title] == [], path.name
    assert checked >= 50


def test_links_resolve_to_files_that_exist(samples_review: Path, open_page: Callable) -> None:
    pdf_links = 0
    for path in [samples_review, *document_pages(samples_review)]:
        page = open_page(path)
        links = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
        ids = set(page.eval_on_selector_all("[id]", "elements => elements.map(element => element.id)"))
        for link in links:
            url = urlparse(link)
            assert url.scheme == "file", f"{path.name} links outside the report: {link}"
            target = Path(unquote(url.path))
            assert target.is_file(), f"{path.name} links to a missing file: {link}"
            if target.suffix == ".pdf":
                pdf_links += 1
                assert url.fragment.startswith("page=") and int(url.fragment[5:]) >= 1
            elif url.fragment and target == path:
                assert url.fragment in ids, f"{path.name} links to #{url.fragment}, which is not on it"
            elif url.fragment:
                assert f'id="{url.fragment}"' in target.read_text(), f"{link} names no element of {target.name}"
    assert pdf_links > 50


def test_filters_hide_and_show_rows(samples_review: Path, samples_findings: list, open_page: Callable) -> None:
    page = open_page(samples_review)
    total = len(samples_findings)

    def shown(selector: str) -> list[dict]:
        return page.eval_on_selector_all(selector, """rows => rows.filter(row => row.offsetParent !== null)
            .map(row => ({...row.dataset}))""")

    assert len(shown("tr[data-finding]")) == total
    for severity in SEVERITY_ORDER:
        page.select_option("select[name=severity]", severity)
        rows = shown("tr[data-finding]")
        assert {row["severity"] for row in rows} == {severity}
        assert len(rows) == sum(1 for finding in samples_findings if finding[2] == severity)
        documents = {row["document"] for row in rows}
        assert {row["documentRow"] for row in shown("tr[data-document-row]")} == documents
    page.select_option("select[name=severity]", "")
    page.select_option("select[name=check]", "agenda_page_mismatch")
    assert [row["check"] for row in shown("tr[data-finding]")] == ["agenda_page_mismatch"] * 2
    page.select_option("select[name=check]", "")
    page.select_option("select[name=council]", "Wiltshire Council")
    assert {row["council"] for row in shown("tr[data-finding]")} == {"Wiltshire Council"}
    assert len(shown("tr[data-document-row]")) == 1
    documents = len(document_pages(samples_review))
    assert f"8 of {total} findings shown; 1 of {documents} documents" in page.inner_text(".filter-count")
    page.click("button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('tr[data-finding]:not([hidden])').length === {total}")

    [wiltshire] = [path for path in document_pages(samples_review) if path.name.startswith("wiltshire")]
    page = open_page(wiltshire)
    page.select_option("select[name=severity]", "info")
    assert {item["severity"] for item in shown("li.finding")} == {"info"}
    visible_marks = shown(".mark")
    assert len(visible_marks) == 4  # the rows of the four new partners; the total's mark is hidden
    page.select_option("select[name=check]", "contribution_total_mismatch")
    assert shown("[data-card]") == [] and shown(".mark") == []  # no finding left: the card goes too
    assert page.errors == []


def test_phone_width_and_accessible_markup(samples_review: Path, open_page: Callable) -> None:
    for path in [samples_review, *document_pages(samples_review)]:
        page = open_page(path, width=PHONE)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE, f"{path.name} is {width}px wide at {PHONE}px"
        facts = page.evaluate("""() => ({
            h1: document.querySelectorAll('h1').length,
            headings: [...document.querySelectorAll('h1, h2, h3')].map(h => Number(h.tagName[1])),
            missingAlt: [...document.querySelectorAll('img')].filter(img => !img.alt.trim()).length,
            tablesWithoutHeaders: [...document.querySelectorAll('table')].filter(t => !t.querySelector('th')).length,
            tablesWithoutCaption: [...document.querySelectorAll('table')].filter(t => !t.caption).length,
            picturesTooWide: [...document.querySelectorAll('img.crop')]
                .filter(img => img.getBoundingClientRect().right > window.innerWidth + 0.5).length,
            unlabelledSelects: [...document.querySelectorAll('select')].filter(s => !s.closest('label')).length,
        })""")
        assert facts["h1"] == 1, path.name
        assert all(later - earlier <= 1 for earlier, later in zip(facts["headings"], facts["headings"][1:],
                                                                   strict=False)), f"{path.name} skips a level"
        assert (facts["missingAlt"], facts["tablesWithoutHeaders"], facts["tablesWithoutCaption"],
                facts["picturesTooWide"], facts["unlabelledSelects"]) == (0, 0, 0, 0, 0), path.name


def test_screenshots_for_a_person_to_look_at(samples_review: Path, open_page: Callable, build_dir: Path) -> None:
    [wiltshire] = [path for path in document_pages(samples_review) if path.name.startswith("wiltshire")]
    [pack] = [path for path in document_pages(samples_review) if path.name.startswith("somerset-scrutiny")]
    shots = {
        "review-index.png": (samples_review, 1280),
        "review-document.png": (wiltshire, 1280),
        "review-agenda.png": (pack, 1280),
        "review-document-phone.png": (wiltshire, PHONE),
    }
    for name, (path, width) in shots.items():
        page = open_page(path, width=width)
        page.screenshot(path=str(build_dir / name), full_page=True)
        assert (build_dir / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
