"""The HTML view in a real headless browser (Debian's chromium driven by Playwright), offline.

Skipped, with the reason, when /usr/bin/chromium or the playwright package is missing
(``scripts/install-browser.sh`` installs chromium).  Run as a script to refresh the
screenshot in the docs::

    .venv/bin/python tests/test_viz_browser.py docs/viz-seeds.png
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import RDF, Dataset, Literal, URIRef
from rdflib.namespace import SKOS

from kg.graphio import load_dataset
from kg.viz import write_html
from kg.vocab import ID, SF

# the browser and its flags, shared with the viz benchmark
CHROMIUM, *ARGS = [
    line
    for line in (Path(__file__).resolve().parent.parent / "scripts" / "chromium-args.txt").read_text().splitlines()
    if line and not line.startswith("#")
]
SAMPLE = Path(__file__).parent / "fixtures" / "sample.trig"
EVIL = "<script>alert(1)</script>"
EVIL_IMG = "<img src=x onerror=alert(2)>"


def _skip_reason() -> str | None:
    if not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} is missing: run scripts/install-browser.sh"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing: pip install playwright"
    return None


pytestmark = pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")


class Page:
    """An opened page plus what it tried to do: console errors, dialogs, blocked requests."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.blocked: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.route("**/*", self._route)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def open(self, path: Path) -> None:
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.kgReady === true", timeout=30_000)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def shown_labels(self) -> list[str]:
        return self.js("() => kgView.cy.nodes().filter(n => n.visible()).map(n => n.data('label'))")

    def wait_shown(self, count: int) -> list[str]:
        """The visible labels once ``count`` nodes are visible (cytoscape updates styles a frame later)."""
        self.page.wait_for_function(
            "(k) => kgView.cy.nodes().filter(n => n.visible()).length === k", arg=count, timeout=5_000
        )
        return self.shown_labels()

    def click_node(self, label: str) -> None:
        """A real mouse click on the node drawn for ``label``."""
        box = self.page.locator("#graph").bounding_box()
        at = self.js(
            """(label) => {
            const n = kgView.cy.nodes().filter(n => kgView.nodes[n.data('idx')][1] === label)[0];
            return n.renderedPosition(); }""",
            label,
        )
        self.page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])

    def clean(self) -> bool:
        return not (self.errors or self.dialogs or self.blocked)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 850}, offline=True)
    yield Page(context.new_page())
    context.close()


@pytest.fixture(scope="module")
def sample_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("viz") / "sample.html"
    write_html(load_dataset(SAMPLE), path)
    return path


def test_loads_offline_and_shows_the_graph(page: Page, sample_html: Path) -> None:
    page.open(sample_html)
    assert sorted(page.shown_labels()) == [
        "Kazakhstan",
        "Mikhail Kornienko",
        "NASA",
        "Roscosmos",
        "Scott Kelly",
        "Soyuz",
        "landing",
    ]
    assert page.js("() => kgView.cy.edges().length") == 6
    assert "Showing 7 of 7" in page.page.inner_text("#status")
    assert page.clean(), (page.errors, page.dialogs, page.blocked)


def test_click_shows_source_sentence(page: Page, sample_html: Path) -> None:
    page.open(sample_html)
    page.click_node("Scott Kelly")
    panel = page.page.locator("#panel")
    assert panel.locator("h2").inner_text() == "Scott Kelly"
    text = panel.inner_text()
    assert "NASA astronaut Scott Kelly and cosmonaut Mikhail Kornienko landed." in text
    assert "a.txt" in text and "astronaut" in text
    assert page.clean(), (page.errors, page.dialogs, page.blocked)


def test_type_filter_hides_nodes(page: Page, sample_html: Path) -> None:
    page.open(sample_html)
    page.page.locator('#types input[data-type="person"]').uncheck()
    shown = page.wait_shown(5)
    assert "Scott Kelly" not in shown and "Mikhail Kornienko" not in shown and "Soyuz" in shown
    assert "Showing 5 of 7" in page.page.inner_text("#status")
    page.page.locator('#types input[data-type="person"]').check()
    assert "Scott Kelly" in page.wait_shown(7)
    assert page.clean()


def test_search_and_focus(page: Page, sample_html: Path) -> None:
    page.open(sample_html)
    page.page.fill("#search", "korn")
    page.page.locator("#results button").first.click()
    assert page.page.locator("#panel h2").inner_text() == "Mikhail Kornienko"
    page.page.select_option("#hops", "1")
    page.page.click("#focus-btn")
    assert sorted(page.wait_shown(2)) == ["Mikhail Kornienko", "landing"]
    page.page.click("#overview-btn")
    page.wait_shown(7)
    assert page.clean()


def test_malicious_label_is_text(page: Page, tmp_path: Path) -> None:
    ds = Dataset(default_union=True)
    g = ds.graph(URIRef(f"{ID}article/t"))
    for slug, label in (("evil", EVIL), ("img", EVIL_IMG)):
        g.add((URIRef(f"{ID}person/{slug}"), RDF.type, SF.Person))
        g.add((URIRef(f"{ID}person/{slug}"), SKOS.prefLabel, Literal(label)))
        g.add((URIRef(f"{ID}person/{slug}"), SKOS.altLabel, Literal(label + " alias")))
    path = tmp_path / "evil.html"
    write_html(ds, path)
    page.open(path)
    page.page.fill("#search", "<script")
    assert page.page.locator("#results button").first.inner_text().startswith(EVIL)
    page.page.locator("#results button").first.click()
    assert page.page.locator("#panel h2").inner_text() == EVIL
    page.click_node(EVIL_IMG)
    assert page.page.locator("#panel h2").inner_text() == EVIL_IMG
    assert page.js("() => document.querySelectorAll('img, #panel script, #results script').length") == 0
    assert page.dialogs == [] and page.clean(), (page.errors, page.dialogs)


def test_big_graph_starts_on_a_neighbourhood(page: Page, tmp_path: Path) -> None:
    ds = Dataset(default_union=True)
    g = ds.graph(URIRef(f"{ID}article/t"))
    hub = URIRef(f"{ID}mission/hub")
    g.add((hub, RDF.type, SF.Mission))
    for i in range(300):
        person = URIRef(f"{ID}person/p{i}")
        g.add((person, RDF.type, SF.Person))
        g.add((person, SKOS.prefLabel, Literal(f"Person {i}")))
        if i % 3 == 0:
            g.add((hub, SF.crewMember, person))
    path = tmp_path / "big.html"
    write_html(ds, path, draw_limit=50)
    page.open(path)
    page.wait_shown(50)
    assert "neighbourhood of" in page.page.inner_text("#status")
    assert "nearest 50 of 101" in page.page.inner_text("#status")
    page.page.fill("#search", "Person 299")
    page.page.keyboard.press("Enter")
    assert page.page.locator("#panel h2").inner_text() == "Person 299"
    page.page.wait_for_function(
        "() => kgView.cy.nodes().some(n => n.visible() && n.data('label') === 'Person 299')", timeout=5_000
    )
    assert page.clean()


def _seed_dataset() -> Dataset | None:
    try:
        import kg

        return kg.build(["seeds"]).dataset
    except (ImportError, AttributeError, NotImplementedError):
        return None


def test_seed_graph(page: Page, tmp_path: Path) -> None:
    ds = _seed_dataset()
    if ds is None:
        pytest.skip("kg.build is not available yet")
    path = tmp_path / "seeds.html"
    write_html(ds, path)
    page.open(path)
    shown = page.shown_labels()
    wanted = {"Scott Kelly", "Valeri Polyakov", "Mikhail Kornienko", "International Space Station"}
    assert wanted <= set(shown)
    page.click_node("Scott Kelly")
    assert page.page.locator("#panel h2").inner_text() == "Scott Kelly"
    assert page.page.locator("#panel blockquote").count() > 0
    assert page.page.locator("#panel cite").first.inner_text().endswith(".txt")
    assert page.clean(), (page.errors, page.dialogs, page.blocked)


def screenshot(target: Path) -> None:
    """Save a picture of the seed graph (sample graph until kg.build exists) with Scott Kelly selected."""
    import tempfile

    from playwright.sync_api import sync_playwright

    ds = _seed_dataset() or load_dataset(SAMPLE)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = Path(tmp) / "seeds.html"
        write_html(ds, path)
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = b.new_context(viewport={"width": 1400, "height": 850}, offline=True)
        page = Page(context.new_page())
        page.open(path)
        page.click_node("Scott Kelly")
        page.page.mouse.move(0, 0)
        page.page.screenshot(path=str(target))
        b.close()
        if not page.clean():
            raise SystemExit(f"page problems: {page.errors} {page.dialogs} {page.blocked}")


if __name__ == "__main__":
    screenshot(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/viz-seeds.png"))
