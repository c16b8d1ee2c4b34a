"""The package layout holds: no import cycles in viewer/, and imports only run downwards.

The table LAYERS gives each part of `viewer` a rank; a module may import its own part and
any part of a lower rank, never one of the same rank or a higher one. Every `import` and
`from … import` counts, including those inside functions (a lazy import is still a
dependency). The checker is tested on small made-up graphs too, so a cycle or an upward
import is shown to fail it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

VIEWER = Path(__file__).resolve().parents[1] / "viewer"

LAYERS: dict[str, int] = {
    "viewer": 0,                   # the version only
    "viewer.core.util": 1,         # cancellation, atomic writing
    "viewer.core.text": 2,         # article, tokens, sentences, language, synonyms
    "viewer.core.formats": 3,      # files → articles
    "viewer.core.diff": 3,         # word diff, alignment, moves
    "viewer.core.claims": 4,
    "viewer.core.reuse": 4,
    "viewer.core.comparison": 5,   # N articles in, one Comparison out
    "viewer.core.triage": 5,
    "viewer.core.review": 6,       # sessions, marks, recovery, workspace
    "viewer.core.report": 7,       # JSON, HTML report, marks table (reads review marks)
    "viewer.core": 8,              # the package docstring
    "viewer.ui": 10,               # Qt: draws the core's results
    "viewer.cli": 11,              # headless entry points (PDF through viewer.ui.pdfexport)
    "viewer.app": 12,
    "viewer.__main__": 13,
}


def part_of(module: str) -> str:
    """The most specific entry of LAYERS that `module` belongs to."""
    best = None
    for name in LAYERS:
        if module == name or module.startswith(name + "."):
            if best is None or len(name) > len(best):
                best = name
    if best is None:
        raise KeyError(f"{module} is in no layer: add it to LAYERS")
    return best


def _module_name(path: Path, root: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


def _targets(node: ast.AST, module: str, is_package: bool, known: set[str]) -> set[str]:
    if isinstance(node, ast.Import):
        return {a.name for a in node.names if a.name.split(".")[0] == "viewer"}
    if not isinstance(node, ast.ImportFrom):
        return set()
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[:len(base) - (node.level - 1)]
        source = ".".join(base + ([node.module] if node.module else []))
    else:
        source = node.module or ""
    if source.split(".")[0] != "viewer":
        return set()
    # `from package import module` depends on that module, not only on the package
    return {f"{source}.{a.name}" if f"{source}.{a.name}" in known else source for a in node.names}


def import_graph(root: Path = VIEWER) -> dict[str, set[str]]:
    """Every module of `root` (a package folder) with the viewer modules it imports."""
    files = sorted(root.rglob("*.py"))
    names = {p: _module_name(p, root) for p in files}
    known = {name for name, _ in names.values()}
    graph: dict[str, set[str]] = {}
    for path, (module, is_package) in names.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        deps: set[str] = set()
        for node in ast.walk(tree):
            deps |= _targets(node, module, is_package, known)
        graph[module] = {d for d in deps if d != module}
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of two or more modules (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return cycles


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    """Imports that go sideways or up the LAYERS table, as 'a (part) -> b (part)'."""
    bad = []
    for module, deps in sorted(graph.items()):
        mine = part_of(module)
        for dep in sorted(deps):
            theirs = part_of(dep)
            if theirs != mine and LAYERS[theirs] >= LAYERS[mine]:
                bad.append(f"{module} ({mine}) -> {dep} ({theirs})")
    return bad


# -- the real tree -------------------------------------------------------------------------------

def test_viewer_has_no_import_cycle():
    assert find_cycles(import_graph()) == []


def test_imports_only_run_down_the_layers():
    assert upward_imports(import_graph()) == []


def test_every_module_has_a_layer():
    for module in import_graph():
        part_of(module)  # raises for a module outside the table


def test_core_top_level_holds_only_packages_comparison_and_init():
    core = VIEWER / "core"
    loose = sorted(p.name for p in core.glob("*.py"))
    assert loose == ["__init__.py", "comparison.py"]
    for package in (p for p in core.iterdir() if p.is_dir() and p.name != "__pycache__"):
        init = package / "__init__.py"
        assert init.exists(), package
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "import" in doc.lower(), f"{package.name}'s docstring says what it may import"


# -- the checker itself ----------------------------------------------------------------------------

def _write(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "viewer"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_deliberate_cycle_is_found(tmp_path):
    root = _write(tmp_path, {
        "__init__.py": "",
        "core/__init__.py": "",
        "core/text/__init__.py": "",
        "core/text/a.py": "from .b import x\n",
        "core/text/b.py": "def f():\n    from viewer.core.text.a import y\n",
    })
    assert find_cycles(import_graph(root)) == [["viewer.core.text.a", "viewer.core.text.b"]]


def test_an_import_up_the_layers_is_found(tmp_path):
    root = _write(tmp_path, {
        "__init__.py": "",
        "core/__init__.py": "",
        "core/comparison.py": "",
        "core/text/__init__.py": "",
        "core/text/tokens.py": "from ..comparison import Comparison\n",
        "core/claims/__init__.py": "",
        "core/claims/finder.py": "from viewer.core.reuse import pairs\n",
        "core/reuse/__init__.py": "",
        "core/reuse/pairs.py": "from ..text import tokens\n",
    })
    bad = upward_imports(import_graph(root))
    assert bad == [
        "viewer.core.claims.finder (viewer.core.claims) -> viewer.core.reuse.pairs (viewer.core.reuse)",
        "viewer.core.text.tokens (viewer.core.text) -> viewer.core.comparison (viewer.core.comparison)",
    ]


@pytest.mark.parametrize("module, part", [
    ("viewer.core.text.tokens", "viewer.core.text"),
    ("viewer.core.comparison", "viewer.core.comparison"),
    ("viewer.core", "viewer.core"),
    ("viewer.ui.mainwindow", "viewer.ui"),
])
def test_part_of(module, part):
    assert part_of(module) == part
