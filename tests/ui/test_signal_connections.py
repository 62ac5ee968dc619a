"""No signal that carries an argument is connected straight to a slot whose first optional
parameter would take it (``clicked(bool)`` into ``print_current(printer=None)`` delivered
``False`` as the printer). A static check over ui/, beside the click-everything test."""

from __future__ import annotations

import ast
from pathlib import Path

import supervisor_app.ui

UI = Path(supervisor_app.ui.__file__).parent


def _optional_positional(tree: ast.Module) -> dict[str, int]:
    """Method name -> line, for methods with an optional positional parameter after self."""
    found: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            positional = node.args.posonlyargs + node.args.args
            if positional and positional[0].arg in ("self", "cls"):
                positional = positional[1:]
            if positional and node.args.defaults:
                found[node.name] = node.lineno
    return found


def test_no_slot_takes_a_signal_argument_as_its_optional_parameter() -> None:
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(UI.glob("*.py"))}
    optional: dict[str, str] = {}
    for path, tree in trees.items():
        for name, line in _optional_positional(tree).items():
            optional[name] = f"{path.name}:{line}"
    allowed = {"data", "setData", "headerData", "flags", "rowCount", "columnCount", "wait"}  # Qt overrides
    wrong = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "connect"
                and node.args
                and isinstance(node.args[0], ast.Attribute)
                and node.args[0].attr in optional
                and node.args[0].attr not in allowed
            ):
                wrong.append(
                    f"{path.name}:{node.lineno} {ast.unparse(node.func.value)} -> {ast.unparse(node.args[0])} "
                    f"(defined at {optional[node.args[0].attr]})"
                )
    assert not wrong, "connect through a lambda, or make the parameter keyword-only:\n" + "\n".join(wrong)
