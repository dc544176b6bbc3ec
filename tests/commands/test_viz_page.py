"""`stakegraph viz`: the page is self-contained and safe, and it really works in a browser.

The browser tests drive headless Chromium (Debian `chromium` + `chromium-driver`) through selenium
and skip with the reason where either is absent. The graph is an invented regional network of
Dutch-looking stakeholders; run this file as a script to redraw the README screenshot:

    python tests/commands/test_viz_page.py docs/viz.png
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from stakegraph import KnowledgeGraph
from stakegraph.cli import main
from stakegraph.commands.viz import load_assets, page_html, viz_data
from stakegraph.graph.html_page import json_for_script, page_data, render_page
from stakegraph.graph.model import Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.graph.store import open_store

REPO = Path(__file__).resolve().parents[2]

# id, type, name, aliases
ENTITIES = [
    ("person:anna-de-boer", "Person", "Anna de Boer", ["De Boer"]),
    ("person:joris-van-dijk", "Person", "Joris van Dijk", ["Van Dijk"]),
    ("person:fatima-el-amrani", "Person", "Fatima el Amrani", ["El Amrani"]),
    ("person:pieter-hoekstra", "Person", "Pieter Hoekstra", ["Hoekstra"]),
    ("person:marloes-visser", "Person", "Marloes Visser", ["Visser"]),
    ("person:sanne-kuipers", "Person", "Sanne Kuipers", ["Kuipers"]),
    ("person:bram-mulder", "Person", "Bram Mulder", ["Mulder"]),
    ("person:ingrid-postma", "Person", "Ingrid Postma", ["Postma"]),
    ("person:daan-verhoef", "Person", "Daan Verhoef", ["Verhoef"]),
    ("gemeente:gm0193", "Municipality", "Zwolle", ["gemeente Zwolle"]),
    ("gemeente:gm0150", "Municipality", "Deventer", ["gemeente Deventer"]),
    ("gemeente:gm0200", "Municipality", "Apeldoorn", ["gemeente Apeldoorn"]),
    ("gemeente:gm0166", "Municipality", "Kampen", ["gemeente Kampen"]),
    ("gemeente:gm0301", "Municipality", "Zutphen", ["gemeente Zutphen"]),
    ("provincie:pv23", "Province", "Overijssel", ["provincie Overijssel"]),
    ("provincie:pv25", "Province", "Gelderland", ["provincie Gelderland"]),
    ("region:regio-ijsselvallei", "Region", "Regio IJsselvallei", ["IJsselvallei"]),
    ("org:hogeschool-ijsselland", "Organization", "Hogeschool IJsselland", ["HIJ"]),
    ("org:woningcorporatie-de-kade", "Organization", "Woningcorporatie De Kade", ["De Kade"]),
    ("org:omgevingsdienst-vechtstreek-oost", "Organization", "Omgevingsdienst Vechtstreek-Oost", ["ODVO"]),
    ("org:stichting-groen-platteland", "Organization", "Stichting Groen Platteland", []),
    ("initiative:programma-warme-wijken", "Initiative", "Programma Warme Wijken", ["Warme Wijken"]),
    ("initiative:energiecooperatie-sallandse-zon", "Initiative", "Energiecoöperatie Sallandse Zon",
     ["Sallandse Zon"]),
    ("initiative:leergang-samen-sturen", "Initiative", "Leergang Samen Sturen", []),
]

# document, type, source, target, role, status, sentence
RELATIONS = [
    ("nieuws_zwolle.txt", "HOLDS_POSITION", "person:anna-de-boer", "gemeente:gm0193", "gemeentesecretaris",
     "current", "Anna de Boer is sinds maart gemeentesecretaris van Zwolle."),
    ("nieuws_zwolle.txt", "HOLDS_POSITION", "person:joris-van-dijk", "gemeente:gm0193", "beleidsadviseur",
     "former", "Joris van Dijk werkte eerder als beleidsadviseur bij de gemeente Zwolle."),
    ("nieuws_zwolle.txt", "COLLABORATES_WITH", "org:woningcorporatie-de-kade", "gemeente:gm0193", None, None,
     "Woningcorporatie De Kade en de gemeente Zwolle werken samen aan betaalbare huurwoningen."),
    ("nieuws_zwolle.txt", "PARTICIPATES_IN", "gemeente:gm0193", "initiative:programma-warme-wijken", None,
     None, "Zwolle doet mee aan het Programma Warme Wijken."),
    ("nieuws_zwolle.txt", "PARTICIPATES_IN", "org:woningcorporatie-de-kade",
     "initiative:programma-warme-wijken", None, None,
     "Ook De Kade sluit zich aan bij Warme Wijken, met driehonderd woningen in Holtenbroek."),
    ("nieuws_zwolle.txt", "HOLDS_POSITION", "person:marloes-visser", "org:woningcorporatie-de-kade",
     "directeur-bestuurder", "current", "Marloes Visser, directeur-bestuurder van De Kade, is tevreden."),
    ("nieuws_zwolle.txt", "LOCATED_IN", "gemeente:gm0193", "provincie:pv23", None, None,
     "Zwolle is de hoofdstad van de provincie Overijssel."),
    ("interview_deventer.txt", "HOLDS_POSITION", "person:joris-van-dijk", "gemeente:gm0150", "wethouder",
     "current", "Joris van Dijk is wethouder van Deventer, met energie en wonen in zijn portefeuille."),
    ("interview_deventer.txt", "COLLABORATES_WITH", "org:hogeschool-ijsselland", "gemeente:gm0150", None,
     None, "Met Hogeschool IJsselland werkt Deventer samen in een wijklab."),
    ("interview_deventer.txt", "HOLDS_POSITION", "person:fatima-el-amrani", "org:hogeschool-ijsselland",
     "lector", "current", "Fatima el Amrani, lector bij Hogeschool IJsselland, leidt het onderzoek."),
    ("interview_deventer.txt", "LOCATED_IN", "org:hogeschool-ijsselland", "gemeente:gm0150", None, None,
     "De hogeschool is gevestigd aan de Handelskade in Deventer."),
    ("interview_deventer.txt", "PARTICIPATES_IN", "gemeente:gm0150", "initiative:programma-warme-wijken",
     None, None, "Deventer is in 2023 ingestapt in het Programma Warme Wijken."),
    ("interview_deventer.txt", "PARTICIPATES_IN", "gemeente:gm0150",
     "initiative:energiecooperatie-sallandse-zon", None, None,
     "De gemeente Deventer steunt Energiecoöperatie Sallandse Zon met een lening."),
    ("interview_deventer.txt", "LOCATED_IN", "initiative:energiecooperatie-sallandse-zon", "gemeente:gm0150",
     None, None, "Sallandse Zon legt panelen op daken in Deventer."),
    ("interview_deventer.txt", "LOCATED_IN", "gemeente:gm0150", "provincie:pv23", None, None,
     "Deventer ligt in Overijssel, aan de IJssel."),
    ("jaarverslag_ijsselvallei.txt", "HOLDS_POSITION", "person:anna-de-boer", "region:regio-ijsselvallei",
     "voorzitter", "current", "De Boer zit het ambtelijk overleg van Regio IJsselvallei voor."),
    ("jaarverslag_ijsselvallei.txt", "MEMBER_OF", "gemeente:gm0193", "region:regio-ijsselvallei", None, None,
     "Zwolle, Deventer, Apeldoorn, Kampen en Zutphen vormen samen Regio IJsselvallei."),
    ("jaarverslag_ijsselvallei.txt", "MEMBER_OF", "gemeente:gm0150", "region:regio-ijsselvallei", None, None,
     "Zwolle, Deventer, Apeldoorn, Kampen en Zutphen vormen samen Regio IJsselvallei."),
    ("jaarverslag_ijsselvallei.txt", "MEMBER_OF", "gemeente:gm0200", "region:regio-ijsselvallei", None, None,
     "Zwolle, Deventer, Apeldoorn, Kampen en Zutphen vormen samen Regio IJsselvallei."),
    ("jaarverslag_ijsselvallei.txt", "MEMBER_OF", "gemeente:gm0166", "region:regio-ijsselvallei", None, None,
     "Zwolle, Deventer, Apeldoorn, Kampen en Zutphen vormen samen Regio IJsselvallei."),
    ("jaarverslag_ijsselvallei.txt", "MEMBER_OF", "gemeente:gm0301", "region:regio-ijsselvallei", None, None,
     "Zwolle, Deventer, Apeldoorn, Kampen en Zutphen vormen samen Regio IJsselvallei."),
    ("jaarverslag_ijsselvallei.txt", "HOLDS_POSITION", "person:sanne-kuipers", "gemeente:gm0200",
     "burgemeester", "current", "Burgemeester Sanne Kuipers van Apeldoorn opende de regiodag."),
    ("jaarverslag_ijsselvallei.txt", "HOLDS_POSITION", "person:ingrid-postma", "gemeente:gm0166", "wethouder",
     "current", "Wethouder Ingrid Postma (Kampen) presenteerde de regionale woondeal."),
    ("jaarverslag_ijsselvallei.txt", "HOLDS_POSITION", "person:daan-verhoef", "gemeente:gm0301", "raadslid",
     "former", "Daan Verhoef, voormalig raadslid in Zutphen, sprak namens de dorpen."),
    ("jaarverslag_ijsselvallei.txt", "COLLABORATES_WITH", "org:hogeschool-ijsselland",
     "region:regio-ijsselvallei", None, None,
     "De regio en Hogeschool IJsselland sloten een kennisakkoord voor vier jaar."),
    ("jaarverslag_ijsselvallei.txt", "MEMBER_OF", "gemeente:gm0193", "org:omgevingsdienst-vechtstreek-oost",
     None, None, "Zwolle en Kampen zijn aangesloten bij Omgevingsdienst Vechtstreek-Oost."),
    ("jaarverslag_ijsselvallei.txt", "MEMBER_OF", "gemeente:gm0166", "org:omgevingsdienst-vechtstreek-oost",
     None, None, "Zwolle en Kampen zijn aangesloten bij Omgevingsdienst Vechtstreek-Oost."),
    ("jaarverslag_ijsselvallei.txt", "HOLDS_POSITION", "person:bram-mulder",
     "org:omgevingsdienst-vechtstreek-oost", "directeur", "current",
     "Bram Mulder is directeur van de ODVO."),
    ("jaarverslag_ijsselvallei.txt", "COLLABORATES_WITH", "org:omgevingsdienst-vechtstreek-oost",
     "provincie:pv23", None, None, "De ODVO voert voor de provincie Overijssel de vergunningverlening uit."),
    ("jaarverslag_ijsselvallei.txt", "LOCATED_IN", "gemeente:gm0166", "provincie:pv23", None, None,
     "Kampen hoort bij Overijssel."),
    ("jaarverslag_ijsselvallei.txt", "LOCATED_IN", "gemeente:gm0200", "provincie:pv25", None, None,
     "Apeldoorn en Zutphen liggen in Gelderland."),
    ("jaarverslag_ijsselvallei.txt", "LOCATED_IN", "gemeente:gm0301", "provincie:pv25", None, None,
     "Apeldoorn en Zutphen liggen in Gelderland."),
    ("congres_samen_sturen.txt", "HOLDS_POSITION", "person:pieter-hoekstra", "provincie:pv23", "gedeputeerde",
     "current", "Gedeputeerde Pieter Hoekstra van Overijssel hield de openingstoespraak."),
    ("congres_samen_sturen.txt", "PARTICIPATES_IN", "person:anna-de-boer", "initiative:leergang-samen-sturen",
     None, None, "Anna de Boer volgde vorig jaar de Leergang Samen Sturen."),
    ("congres_samen_sturen.txt", "PARTICIPATES_IN", "org:hogeschool-ijsselland",
     "initiative:leergang-samen-sturen", None, None,
     "De leergang wordt verzorgd door Hogeschool IJsselland."),
    ("congres_samen_sturen.txt", "PARTICIPATES_IN", "person:fatima-el-amrani",
     "initiative:leergang-samen-sturen", None, None, "El Amrani is een van de docenten van de leergang."),
    ("congres_samen_sturen.txt", "HOLDS_POSITION", "person:daan-verhoef", "org:stichting-groen-platteland",
     "voorzitter", "current", "Daan Verhoef is tegenwoordig voorzitter van Stichting Groen Platteland."),
    ("congres_samen_sturen.txt", "COLLABORATES_WITH", "org:stichting-groen-platteland", "provincie:pv25",
     None, None,
     "Stichting Groen Platteland werkt met de provincie Gelderland aan natuurinclusieve landbouw."),
    ("congres_samen_sturen.txt", "PARTICIPATES_IN", "org:stichting-groen-platteland",
     "initiative:energiecooperatie-sallandse-zon", None, None,
     "De stichting is medeoprichter van Sallandse Zon."),
]


def demo_facts(entities: list = ENTITIES, relations: list = RELATIONS) -> list[DocumentFacts]:
    """Per-document facts as extraction would give them: every relation with its sentence as evidence."""
    info = {eid: (etype, name, aliases) for eid, etype, name, aliases in entities}
    by_doc: dict[str, list] = {}
    for row in relations:
        by_doc.setdefault(row[0], []).append(row)
    out = []
    for doc, rows in sorted(by_doc.items()):
        text = " ".join(dict.fromkeys(r[6] for r in rows))
        rels, mentions = [], {}
        for _, rtype, src, tgt, role, status, sentence in rows:
            start = text.index(sentence)
            ev = Evidence(document=doc, start=start, end=start + len(sentence), sentence=sentence,
                          rule="hand-made", confidence=0.8)
            rels.append(Relation(type=rtype, source=src, target=tgt, role=role, status=status,
                                 confidence=0.8, evidence=[ev]))
            for eid in (src, tgt):
                mentions[eid] = mentions.get(eid, 0) + 1
        ents = [Entity(id=eid, type=info[eid][0], name=info[eid][1], aliases=list(info[eid][2]),
                       documents=[doc], mentions=n) for eid, n in sorted(mentions.items())]
        document = Document(id=f"sha256:{doc}", name=doc, path=f"/demo/{doc}", chars=len(text))
        out.append(DocumentFacts(document=document, entities=ents, relations=rels))
    return out


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return KnowledgeGraph.from_facts(demo_facts())


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("viz") / "demo.db"
    store = open_store(str(path), create=True)
    try:
        for f in demo_facts():
            store.upsert(f)
    finally:
        store.close()
    return path


def data_block(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert m, "no data block in the page"
    return json.loads(m.group(1))


def outside_data(html: str) -> str:
    """The page without its data block: what the template, script and style put there."""
    return re.sub(r'(<script type="application/json" id="graph-data">).*?(</script>)', r"\1\2", html,
                  flags=re.S)


# -- the page as text --------------------------------------------------------------------------
def test_page_is_self_contained(kg: KnowledgeGraph) -> None:
    page = page_html(kg, size_by="mentions")
    needles = ("http://", "https://", "//cdn", "src=", "href=", "@import", "url(", "fetch(", "xmlhttprequest")
    for needle in needles:
        assert needle not in page.lower(), needle
    assert not re.search(r"\bdata:[\w.+-]+/", page)  # no data URIs either
    assert "default-src 'none'" in page  # the browser refuses any fetch the page might try
    data = data_block(page)
    assert len(data["nodes"]) == len(ENTITIES)
    assert {n["id"] for n in data["nodes"]} == {e[0] for e in ENTITIES}


def test_data_cannot_break_out_of_the_page() -> None:
    evil = '</script><img src=x onerror="alert(1)"> & <!-- \u2028'
    facts = demo_facts(
        ENTITIES + [("person:eva-evil", "Person", f"Eva {evil}", [evil])],
        RELATIONS + [("x.txt", "HOLDS_POSITION", "person:eva-evil", "gemeente:gm0193", "wethouder", "current",
                      f"Eva zegt {evil} en meer.")],
    )
    page = page_html(KnowledgeGraph.from_facts(facts), title=f"Titel {evil}", size_by="mentions")
    assert "<img" not in page and "<!--" not in page and "\u2028" not in page
    assert page.count("</script>") == 2  # the data block's and the script's own
    node = next(n for n in data_block(page)["nodes"] if n["id"] == "person:eva-evil")
    assert node["name"] == f"Eva {evil}" and node["aliases"] == [evil]
    assert "&lt;/script&gt;&lt;img" in page  # the title, escaped as HTML text
    assert json.loads(json_for_script({"s": evil})) == {"s": evil}


def test_render_refuses_assets_that_would_close_their_element() -> None:
    assets = load_assets()
    bad = type(assets)(template=assets.template, script="var a = '</script>';", style=assets.style)
    with pytest.raises(ValueError, match="script"):
        render_page({"title": "x", "nodes": []}, bad)


def test_type_filter_min_degree_and_scores(kg: KnowledgeGraph) -> None:
    people = page_data(kg, types=["Person", "Municipality"])
    types = {n["type"] for n in people["nodes"]}
    assert types == {"Person", "Municipality"}
    index = {i: n["id"] for i, n in enumerate(people["nodes"])}
    for link in people["links"]:
        for ri in link["relations"]:
            rel = people["relations"][ri]
            assert {rel["source"], rel["target"]} == {index[link["source"]], index[link["target"]]}
    # relations to entities left out stay readable in the side panel
    assert people["outside"]["region:regio-ijsselvallei"]["name"] == "Regio IJsselvallei"

    busy = page_data(kg, min_degree=3)
    full = page_data(kg)
    assert 0 < len(busy["nodes"]) < len(full["nodes"])
    assert all(n["degree"] >= 3 for n in full["nodes"] if n["id"] in {b["id"] for b in busy["nodes"]})

    scored = page_data(kg, scores={"gemeente:gm0150": 0.75}, size_by="betweenness")
    by_id = {n["id"]: n for n in scored["nodes"]}
    assert by_id["gemeente:gm0150"]["score"] == 0.75 and by_id["gemeente:gm0193"]["score"] == 0.0


def test_same_graph_same_page(kg: KnowledgeGraph) -> None:
    assert page_html(kg, size_by="mentions") == page_html(KnowledgeGraph.from_facts(demo_facts()),
                                                          size_by="mentions")


def test_large_graph_layout_is_deterministic_and_spread() -> None:
    """Above networkx's comfortable size the layout comes from igraph; it must still be reproducible."""
    n = 420
    ents = [Entity(id=f"org:o{i}", type="Organization", name=f"Organisatie {i}", documents=["d.txt"],
                   mentions=1) for i in range(n)]
    rels = [Relation(type="COLLABORATES_WITH", source=f"org:o{i}", target=f"org:o{(i * 7) // 11}",
                     evidence=[Evidence("d.txt", 0, 1, "x", "r")]) for i in range(1, n)]
    facts = [DocumentFacts(Document(id="sha256:d", name="d.txt", path="/d.txt"), ents, rels)]
    first = page_data(KnowledgeGraph.from_facts(facts))
    again = page_data(KnowledgeGraph.from_facts(facts))
    assert [(p["x"], p["y"]) for p in first["nodes"]] == [(p["x"], p["y"]) for p in again["nodes"]]
    assert len({(p["x"], p["y"]) for p in first["nodes"]}) == n


def test_sizes_follow_the_chosen_centrality(kg: KnowledgeGraph) -> None:
    for measure in ("degree", "betweenness", "pagerank"):
        scores = {n["id"]: n["score"] for n in viz_data(kg, size_by=measure)["nodes"]}
        hubs = {"gemeente:gm0193", "gemeente:gm0150", "region:regio-ijsselvallei"}
        assert max(scores, key=scores.get) in hubs
    between = viz_data(kg, size_by="betweenness")["nodes"]
    assert len({n["score"] for n in between}) > 2


# -- the command ---------------------------------------------------------------------------------
def test_cli_writes_the_page(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    result = CliRunner().invoke(main, ["viz", "--store", str(store_path), "-o", str(out),
                                       "--type", "Person", "--type", "Municipality", "--size-by", "pagerank"])
    assert result.exit_code == 0, result.output
    data = data_block(out.read_text(encoding="utf-8"))
    assert {n["type"] for n in data["nodes"]} == {"Person", "Municipality"}
    assert data["size_by"] == "pagerank"
    assert "14 stakeholders" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["--min-degree", "99"], "nothing to show"),
        (["--size-by", "fame"], "Invalid value for '--size-by'"),
        (["--type", "Planet"], "Invalid value for '--type'"),
        (["-o", "/nonexistent-folder/graph.html"], "cannot write"),
    ],
)
def test_cli_bad_input_is_one_clear_line(store_path: Path, tmp_path: Path, args: list, message: str) -> None:
    out = str(tmp_path / "g.html")
    result = CliRunner().invoke(main, ["viz", "--store", str(store_path), "-o", out, *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_cli_empty_or_missing_store(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    open_store(str(empty), create=True).close()
    result = CliRunner().invoke(main, ["viz", "--store", str(empty), "-o", str(tmp_path / "g.html")])
    assert result.exit_code == 2 and "no stakeholders" in result.output
    result = CliRunner().invoke(main, ["viz", "--store", str(tmp_path / "nope.db")])
    assert result.exit_code == 2 and result.output.startswith("stakegraph: error:")
    assert not (tmp_path / "g.html").exists()


# -- in a real browser ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def driver(browser):
    with browser.chromium() as d:
        yield d


def _shown(driver) -> list[str]:
    """Ids of the nodes the browser draws (display not none, radius > 0), in view or scrolled away."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('svg path.node')).filter(function (c) {"
        " return getComputedStyle(c).display !== 'none' && c.getBBox().width > 0; })"
        ".map(function (c) { return c.getAttribute('data-id'); });")


def test_page_works_in_chromium(kg: KnowledgeGraph, browser, driver, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page = tmp_path / "graph.html"
    page.write_text(page_html(kg, size_by="betweenness"), encoding="utf-8")
    browser.open_page(driver, page)
    assert browser.console_errors(driver) == []

    # every entity is drawn, inside the window, with a label for the most central ones
    assert sorted(_shown(driver)) == sorted(e[0] for e in ENTITIES)
    width = driver.execute_script("return document.getElementById('graph').clientWidth")
    boxes = driver.execute_script("return Array.from(document.querySelectorAll('svg path.node'))"
                                  ".map(function (p) { var b = p.getBBox(); return [b.x, b.width]; })")
    assert boxes and all(x >= 0 and x + w <= width and w > 0 for x, w in boxes)
    labels = [t.text for t in driver.find_elements(By.CSS_SELECTOR, "svg text.label") if t.is_displayed()]
    assert "Deventer" in labels and len(labels) >= 10

    # a click on a node shows its aliases, relations and evidence sentences
    driver.find_element(By.CSS_SELECTOR, 'path.node[data-id="person:anna-de-boer"]').click()
    panel = driver.find_element(By.ID, "panel")
    assert panel.find_element(By.TAG_NAME, "h2").text == "Anna de Boer"
    assert "De Boer" in panel.find_element(By.CSS_SELECTOR, ".aliases").text
    sentences = [q.text for q in panel.find_elements(By.CSS_SELECTOR, ".evidence q")]
    assert "Anna de Boer is sinds maart gemeentesecretaris van Zwolle." in sentences
    assert "Anna de Boer volgde vorig jaar de Leergang Samen Sturen." in sentences
    assert "gemeentesecretaris · current" in panel.text and "nieuws_zwolle.txt" in panel.text
    driver.save_screenshot(str(tmp_path / "node.png"))

    # the other end of a relation is one click away
    panel.find_element(By.CSS_SELECTOR, 'button[data-goto="region:regio-ijsselvallei"]').click()
    assert panel.find_element(By.TAG_NAME, "h2").text == "Regio IJsselvallei"

    # a click on a link shows the evidence of the relations between its two ends
    shown = driver.execute_script("return window.stakegraphViz.data")
    ends = [{shown["nodes"][x["source"]]["id"], shown["nodes"][x["target"]]["id"]} for x in shown["links"]]
    link = ends.index({"gemeente:gm0150", "org:hogeschool-ijsselland"})
    hit = driver.find_element(By.CSS_SELECTOR, f'line.link-hit[data-link="{link}"]')
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", hit)
    assert "Hogeschool IJsselland" in panel.find_element(By.TAG_NAME, "h2").text
    sentences = [q.text for q in panel.find_elements(By.CSS_SELECTOR, ".evidence q")]
    assert "Met Hogeschool IJsselland werkt Deventer samen in een wijklab." in sentences
    assert "De hogeschool is gevestigd aan de Handelskade in Deventer." in sentences

    # search by alias, without accents: the hit is marked, the rest dimmed
    box = driver.find_element(By.ID, "search")
    box.send_keys("sallandse zon")
    marked = driver.find_elements(By.CSS_SELECTOR, "path.node.match")
    assert [c.get_attribute("data-id") for c in marked] == ["initiative:energiecooperatie-sallandse-zon"]
    assert driver.find_element(By.ID, "search-count").text == "1 found"
    assert len(driver.find_elements(By.CSS_SELECTOR, "path.node.dim")) == len(ENTITIES) - 1
    box.clear()
    box.send_keys("cooperatie")  # the name has "coö"
    assert len(driver.find_elements(By.CSS_SELECTOR, "path.node.match")) == 1
    box.send_keys("\ue007")  # Enter selects the hit
    assert panel.find_element(By.TAG_NAME, "h2").text == "Energiecoöperatie Sallandse Zon"
    box.clear()
    box.send_keys("x")
    box.send_keys("\ue003")  # Backspace: an empty box marks nothing
    assert driver.find_elements(By.CSS_SELECTOR, "path.node.match") == []

    # type filters hide and show a type
    people = sum(e[1] == "Person" for e in ENTITIES)
    toggle = driver.find_element(By.CSS_SELECTOR, '#type-filters input[data-type="Person"]')
    toggle.click()
    assert sorted(_shown(driver)) == sorted(e[0] for e in ENTITIES if e[1] != "Person")
    assert driver.find_element(By.ID, "shown-count").text.startswith(f"{len(ENTITIES) - people} of")
    driver.save_screenshot(str(tmp_path / "filtered.png"))
    toggle.click()
    assert len(_shown(driver)) == len(ENTITIES)
    assert browser.console_errors(driver) == []
    assert (tmp_path / "node.png").stat().st_size > 10_000


def test_hostile_data_stays_text_in_chromium(browser, driver, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    evil = '</script><img src=x onerror="document.title=\'owned\'"><b>vet</b>'
    facts = demo_facts(
        [("person:eva-evil", "Person", f"Eva {evil}", []), ENTITIES[9]],
        [("x.txt", "HOLDS_POSITION", "person:eva-evil", "gemeente:gm0193", "wethouder", "current",
          f"Eva zegt {evil}.")],
    )
    page = tmp_path / "evil.html"
    page.write_text(page_html(KnowledgeGraph.from_facts(facts), size_by="mentions"), encoding="utf-8")
    browser.open_page(driver, page)
    driver.find_element(By.CSS_SELECTOR, 'path.node[data-id="person:eva-evil"]').click()
    panel = driver.find_element(By.ID, "panel")
    assert panel.find_element(By.TAG_NAME, "h2").text == f"Eva {evil}"
    assert f"Eva zegt {evil}." in [q.text for q in panel.find_elements(By.CSS_SELECTOR, ".evidence q")]
    assert driver.find_elements(By.TAG_NAME, "img") == [] and driver.find_elements(By.TAG_NAME, "b") == []
    assert driver.title != "owned"


@pytest.mark.parametrize("corpus", ["samples", pytest.param("shared", marks=pytest.mark.shared("corpus"))])
def test_real_corpus_page(browser, driver, tmp_path: Path, corpus: str, shared: Path) -> None:
    """Done-criterion of the viz issue: the page of a real corpus renders, with evidence on click."""
    from selenium.webdriver.common.by import By

    corpus = REPO / "samples" if corpus == "samples" else shared / "corpus"
    import stakegraph

    db = tmp_path / "corpus.db"
    stakegraph.build([corpus], str(db))
    out = tmp_path / "corpus.html"
    result = CliRunner().invoke(main, ["viz", "--store", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"https?://|src=|href=", outside_data(html))
    data = data_block(html)
    browser.open_page(driver, out)
    assert len(_shown(driver)) == len(data["nodes"]) > 0
    busiest = max(range(len(data["nodes"])), key=lambda i: sum(i in (l["source"], l["target"])
                                                                 for l in data["links"]))
    driver.execute_script("window.stakegraphViz.select(arguments[0])", data["nodes"][busiest]["id"])
    sentences = [q.text for q in driver.find_elements(By.CSS_SELECTOR, "#panel .evidence q")]
    assert sentences and all(sentences)
    driver.save_screenshot(str(tmp_path / "corpus.png"))


# -- telling types apart, and labels that can be read ---------------------------------------------
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
NEAR_PAIRS = [{"#E69F00", "#D55E00"}, {"#0072B2", "#56B4E9"}]  # orange/vermillion, blue/sky blue


def test_each_type_has_its_own_colour_blind_safe_colour_and_shape() -> None:
    from stakegraph.graph.html_page import TYPE_COLORS, TYPE_SHAPES
    from stakegraph.graph.model import ENTITY_TYPES

    colours = [TYPE_COLORS[t].upper() for t in ENTITY_TYPES]
    assert set(colours) <= OKABE_ITO and len(set(colours)) == len(ENTITY_TYPES)
    assert not any(pair <= set(colours) for pair in NEAR_PAIRS)
    assert len({TYPE_SHAPES[t] for t in ENTITY_TYPES}) == len(ENTITY_TYPES)


def test_long_names_are_shortened_with_the_full_name_kept() -> None:
    from stakegraph.graph.html_page import LABEL_MAX, short_label

    assert short_label("Zwolle") == "Zwolle"
    assert short_label("Hogeschool Arnhem en Nijmegen Oost-Gelderland", ["Hanze", "HAN"]) == "HAN"
    long = short_label("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", ["Binnenlandse Zaken"])
    assert long.endswith("\u2026") and len(long) <= LABEL_MAX and long.startswith("Ministerie van")


def crowded_facts(n: int = 70) -> list[DocumentFacts]:
    """A dense hub-and-spoke network with long names: labels compete for space."""
    hubs = [f"org:hub-{i}" for i in range(4)]
    names = {h: f"Samenwerkingsverband Woningbouw en Leefbaarheid Regio {i}" for i, h in enumerate(hubs)}
    entities, relations = [], []
    for h in hubs:
        entities.append(Entity(h, "Organization", names[h], [], ["druk.txt"], 5))
    for k in range(n):
        pid = f"person:deelnemer-{k}"
        entities.append(Entity(pid, "Person", f"Deelnemer Nummer {k} van der Langenaam", [], ["druk.txt"], 1))
        for h in hubs[: 1 + k % 3]:
            ev = Evidence("druk.txt", 0, 5, f"Deelnemer {k} werkt bij {names[h]}.", "hand-made", 0.8)
            relations.append(Relation("HOLDS_POSITION", pid, h, role="lid", status="current", confidence=0.8,
                                      evidence=[ev]))
    for a, b in zip(hubs, hubs[1:], strict=False):
        ev = Evidence("druk.txt", 0, 5, f"{names[a]} en {names[b]} werken samen.", "hand-made", 0.8)
        relations.append(Relation("COLLABORATES_WITH", a, b, confidence=0.8, evidence=[ev]))
    return [DocumentFacts(Document("sha256:druk", "druk.txt", "/demo/druk.txt"), entities, relations)]


def test_shapes_colours_and_labels_in_chromium(kg: KnowledgeGraph, browser, driver, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    from stakegraph.graph.html_page import ALWAYS_LABELLED, TYPE_COLORS, TYPE_SHAPES

    page = tmp_path / "types.html"
    page.write_text(page_html(kg, size_by="betweenness"), encoding="utf-8")
    browser.open_page(driver, page)
    drawn = driver.execute_script(
        "return Array.from(document.querySelectorAll('svg path.node')).map(function (p) {"
        " return [p.getAttribute('data-type'), p.getAttribute('data-shape'), p.getAttribute('fill')]; })")
    assert {(t, shape, fill.upper()) for t, shape, fill in drawn} == {
        (t, TYPE_SHAPES[t], TYPE_COLORS[t].upper()) for t in {e[1] for e in ENTITIES}}
    legend = driver.find_elements(By.CSS_SELECTOR, "#type-filters svg.swatch")
    assert len({s.get_attribute("data-shape") for s in legend}) == len({e[1] for e in ENTITIES})

    crowded = tmp_path / "crowded.html"
    crowded_kg = KnowledgeGraph.from_facts(crowded_facts())
    crowded.write_text(page_html(crowded_kg, size_by="betweenness"), encoding="utf-8")
    browser.open_page(driver, crowded)
    assert browser.console_errors(driver) == []
    data = driver.execute_script("return window.stakegraphViz.data")
    top = sorted(data["nodes"], key=lambda n: (-n["score"], n["id"]))[:ALWAYS_LABELLED]
    for node in top:  # the most central are labelled, however crowded the page
        label = driver.find_element(By.CSS_SELECTOR, f'text.label[data-id="{node["id"]}"]')
        assert label.get_attribute("visibility") == "visible", node["id"]
    shown = [t for t in driver.find_elements(By.CSS_SELECTOR, "text.label") if t.get_attribute("visibility")
             == "visible"]
    assert len(shown) < len(data["nodes"])  # the rest make room rather than overlap
    hub = driver.find_element(By.CSS_SELECTOR, 'text.label[data-id="org:hub-0"]')
    assert hub.text.endswith("\u2026") and len(hub.text) < len(data["nodes"][0]["name"]) + 1
    title = driver.execute_script("return arguments[0].querySelector('title').textContent", hub)
    assert title == "Samenwerkingsverband Woningbouw en Leefbaarheid Regio 0"  # the full name on hover
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", hub)
    assert driver.find_element(By.CSS_SELECTOR, "#panel h2").text == title


# -- the README screenshot -------------------------------------------------------------------------
def write_screenshot(target: Path) -> None:
    spec = importlib.util.spec_from_file_location("stakegraph_test_browser", REPO / "tests" / "browser.py")
    browser = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(browser)
    if browser.missing():
        raise SystemExit(browser.missing())
    from selenium.webdriver.common.by import By

    kg = KnowledgeGraph.from_facts(demo_facts())
    page = target.with_suffix(".html")
    page.write_text(page_html(kg, size_by="betweenness", title="Regio IJsselvallei (invented example)"),
                    encoding="utf-8")
    try:
        with browser.chromium(1400, 860) as driver:
            browser.open_page(driver, page)
            driver.find_element(By.CSS_SELECTOR, 'path.node[data-id="person:anna-de-boer"]').click()
            driver.save_screenshot(str(target))
    finally:
        page.unlink()


if __name__ == "__main__":
    write_screenshot(Path(sys.argv[1] if len(sys.argv) > 1 else REPO / "docs" / "viz.png"))
