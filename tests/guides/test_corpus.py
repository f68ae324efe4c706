"""The generated guide library: every figure read back exactly as the generator wrote it,
across every variant of the format and every cell form; only table-less guides left out,
cells kept as written warned about where they are, dossiers skipped with a note."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench._corpus import MANIFEST, fidelity_problems, generate, load_manifest
from bot.guides.catalog import load_catalog, load_folders

GUIDES = 450  # enough that every rare cell form (each a few per cent of guides) appears at seed 5


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("corpus")
    return folder, generate(folder, GUIDES, seed=5, broken_share=0.05, dossier_share=0.1)


def test_every_parsed_figure_equals_what_was_written(corpus):
    folder, manifest = corpus
    catalog = load_folders([folder])
    assert len(manifest["guides"]) + len(manifest["broken"]) == GUIDES
    assert manifest["broken"], "the sample includes broken guides"
    assert any(guide.get("warnings") for guide in manifest["guides"].values()), "and cells kept as written"
    assert manifest["not_guides"], "and files that are no guides"
    assert fidelity_problems(catalog, folder, manifest) == []
    assert len(catalog.guides) == len(manifest["guides"])
    assert GUIDES - len(catalog.guides) == len(manifest["broken"])  # only the table-less guides are left out
    assert all("band table: missing" in str(problem) for problem in catalog.report.errors)


def test_the_same_figures_through_the_compiled_index(corpus, tmp_path):
    folder, manifest = corpus
    cold = load_catalog([folder], state_dir=tmp_path)
    warm = load_catalog([folder], state_dir=tmp_path)
    files = GUIDES + len(manifest["not_guides"])
    assert (cold.report.parsed, warm.report.parsed) == (files + 1, 1)  # + the shipped data file
    assert fidelity_problems(cold, folder, manifest) == []
    assert fidelity_problems(warm, folder, manifest) == []
    assert [str(p) for p in warm.report.errors] == [str(p) for p in cold.report.errors]


def test_the_corpus_spans_every_variant(corpus):
    folder, manifest = corpus
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.md")))
    for marker in (
        "Global Negotiation Guide",
        "Salary Negotiation Guide",
        "— ",
        "| Level |",
        "| Component |",
        " options |",
        "Stock (Options or RSU/4yr)",
        "Equity (Options/RSU est.)",
        "#### Lever 1:",
        "**Global Levers**",
        "> **Negotiate Up Strategy:**",
        "### Negotiate Up Strategy",
        "| Company | Level |",
        "**Level Mapping:**",
        "(SGD)",
        ":gb:",
        "Cr",
        ",00,000",
        "¥",
        "HK$",
        " to ",
        "Sign-On",
        "Relocation",
        "% target",
        # cell forms
        " / $",  # a conversion beside the figure
        "/4yr |",
        "/yr |",
        "+ |",  # an open top
        " sign-on |",
        " PD RSUs |",
        " equivalent |",
        "+ profit sharing |",
        "/mo",
        "Discretionary |",
        "Choose Your Mix |",
        "Equity profit-sharing |",
        "UYU ",
        "AED ",
        "R$",
        "| Level | Region |",
        "Fidelity Profit-Based RSU",
        "Stock/Bonus",
        "Total Comp (Yr 1)",
        "company dossier",
        # forms authors write that the generator once lacked (tests/guides/test_wild.py)
        " €",  # `85.000 €`, `85 000 €`
        "CHF 1",  # with `'` grouping where the wild form writes it
        "'000",
        "~",
        "<br>(before equity)",
        "> | ",  # a table in a block quote
        "| Average |",  # a totals row
        "[1]",
        "](https://example.com/",
        "| Total Cash |",
    ):
        assert marker in text, marker
    figures = [region for guide in manifest["guides"].values() for region in guide["regions"]]
    assert any(region["levels"] for region in figures)
    assert any(region["stock"] and region["stock"]["shares"] for region in figures)
    assert {region["bonus"][0] for region in figures} == {"none", "percent", "amount", "text"}
    assert any(region["level"] for region in figures)
    assert any(len(region["base"] or []) == 3 for region in figures)  # a base in another currency than the region's
    assert len({guide["company"] for guide in manifest["guides"].values()}) >= 15


def test_generation_is_deterministic(tmp_path):
    first = generate(tmp_path / "a", 40, seed=9)
    second = generate(tmp_path / "b", 40, seed=9)
    assert first == second
    for path in sorted((tmp_path / "a").rglob("*.md")):
        assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes()
    assert load_manifest(tmp_path / "a") == first
    assert (tmp_path / "a" / MANIFEST).exists()


def test_a_changed_figure_is_caught(corpus, tmp_path):
    """The fidelity check can fail: when what the generator wrote (the manifest) and what the
    reader reads differ by one base figure, `fidelity_problems` names that guide, the part and
    both figures, and nothing else. Before, this test compared two dicts itself and never called
    the check. (Run on one guide copied out of the corpus, so the reload is cheap.)"""
    folder, manifest = corpus
    key = next(k for k, g in manifest["guides"].items() if g["regions"][0]["base"] and not g.get("warnings"))
    path = folder / f"{key}.md"
    copy = tmp_path / "one"
    (copy / key).parent.mkdir(parents=True)
    (copy / f"{key}.md").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    only = {"guides": {key: manifest["guides"][key]}, "broken": {}, "not_guides": []}
    assert fidelity_problems(load_folders([copy]), copy, only) == []  # as written, the guide passes

    low, high = manifest["guides"][key]["regions"][0]["base"][:2]
    changed = copy_of_figures(only)
    changed["guides"][key]["regions"][0]["base"][0] = low + 1000  # the manifest now disagrees with the file
    problems = fidelity_problems(load_folders([copy]), copy, changed)
    assert len(problems) == 1
    assert problems[0].startswith(f"{key}: regions: wrote ")
    wrote, read = problems[0].split(", read ")
    assert f"'base': [{low + 1000}, {high}]" in wrote and f"'base': [{low}, {high}]" in read


def copy_of_figures(manifest: dict) -> dict:
    return json.loads(json.dumps(manifest))
