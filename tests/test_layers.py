"""The house's layer order, checked on every module's source.

An app imports from the core and from apps below it, never from one above, and no two
modules import each other, however indirectly. Imports inside functions count: they are
how a seam hides. docs/architecture.md draws the same order.
"""

import ast
import pathlib
from collections import defaultdict

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Bottom to top. The one place the order is written in code.
LAYERS = [
    "involvement",
    "activities",
    "quality",
    "outcomes",
    "reports",
    "participant",
    "demo",
]
RANK = {app: position for position, app in enumerate(LAYERS)}


def _modules() -> dict[str, pathlib.Path]:
    modules = {}
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def _imported(name: str, path: pathlib.Path) -> list[tuple[str, int]]:
    """Every dotted name a module imports, with its line, resolving relative imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.append((base, node.lineno))
            found += [(f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


MODULES = _modules()
IMPORTS = {name: _imported(name, path) for name, path in MODULES.items()}


def test_every_app_is_in_the_layer_order():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps <= set(LAYERS), f"place {sorted(apps - set(LAYERS))} in LAYERS"


def test_no_app_imports_an_app_above_it():
    upward = [
        f"{name}:{line} imports {target}"
        for name, imports in IMPORTS.items()
        for target, line in imports
        if RANK.get(target.partition(".")[0], -1) > RANK[name.partition(".")[0]]
    ]
    assert not upward, "\n".join(sorted(set(upward)))


def _graph() -> dict[str, set[str]]:
    graph = defaultdict(set)
    for name, imports in IMPORTS.items():
        for target, _line in imports:
            # A module's own packages are imported before it anyway: not a circle.
            if target in MODULES and target != name and not name.startswith(f"{target}."):
                graph[name].add(target)
    return graph


def _circles(graph: dict[str, set[str]], nodes) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index, low, on_stack, stack, circles = {}, {}, set(), [], []
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    circle = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        circle.append(member)
                        if member == node:
                            break
                    if len(circle) > 1:
                        circles.append(sorted(circle))
            elif target not in index:
                index[target] = low[target] = len(index)
                stack.append(target)
                on_stack.add(target)
                work.append((target, iter(sorted(graph[target]))))
            elif target in on_stack:
                low[node] = min(low[node], index[target])
    return circles


def test_no_two_modules_import_each_other():
    circles = _circles(_graph(), MODULES)
    assert not circles, "\n".join(" ↔ ".join(circle) for circle in circles)


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"b"}, "b": set(), "c": {"b"}}, []),
    ],
)
def test_circles_are_found(graph, expected):
    assert _circles(defaultdict(set, graph), sorted(graph)) == expected
