"""Every refusal the app raises, read from the source: its code, where it is raised and its
English message template. Used by tests/test_error_codes.py and to write the catalogue
translators work from:

    uv run python tests/error_codes.py            # rewrite docs/ERROR-CODES.md
    uv run python tests/error_codes.py --check    # exit 1 if docs/ERROR-CODES.md is stale
"""

from __future__ import annotations

import ast
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "supervisor_app"
CATALOGUE = ROOT / "docs" / "ERROR-CODES.md"
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")  # = services.errors.CODE (tested)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def source_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _trees(files: list[Path] | None = None) -> dict[Path, ast.Module]:
    files = source_files() if files is None else files
    return {p: ast.parse(p.read_text(encoding="utf-8"), filename=str(p)) for p in files}


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """DomainError and every class in the package that derives from it, at any depth."""
    bases: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {n for n in map(_name, node.bases) if n}
    found = {"DomainError"}
    while True:
        more = {name for name, parents in bases.items() if parents & found} - found
        if not more:
            return found
        found |= more


@dataclass(frozen=True)
class Site:
    """One ``raise SomeDomainError(...)`` (or construction of one) in the source."""

    path: str  # relative to the repository
    line: int
    function: str  # the enclosing function or class ("" at module level)
    cls: str
    code: str | None  # None: no code= keyword; "<expr>" when not a string literal
    templates: tuple[str, ...] | None  # None: the message is not written here (passed on)
    params: tuple[str, ...]
    message_source: str  # the message argument's source, for "passed on" messages

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def shapes(self) -> tuple[str, ...]:
        """The templates with their placeholders blanked: what a translator translates."""
        return tuple(_PLACEHOLDER.sub("{}", t) for t in self.templates or ())


_LOCAL_DICTS: dict[str, ast.Dict] = {}  # name -> dict literal assigned in the function being read


def _params(call: ast.Call) -> dict[str, ast.expr]:
    for keyword in call.keywords:
        value = keyword.value
        if keyword.arg == "params" and isinstance(value, ast.Name):  # params=params, set just above
            value = _LOCAL_DICTS.get(value.id, value)
        if keyword.arg == "params" and isinstance(value, ast.Dict):
            return {
                k.value: v
                for k, v in zip(value.keys, value.values, strict=True)
                if isinstance(k, ast.Constant) and isinstance(k.value, str)
            }
    return {}


def _carriers(node: ast.expr) -> list[ast.expr]:
    """``node`` and the value it shows: a param is the value (a date, a whole id), the message
    shows ``day.isoformat()``, ``record_id[:8]``, ``shown(value)``."""
    found = [node]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in {"isoformat", "strftime", "lower"}:
            found += _carriers(node.func.value)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1:
        found += _carriers(node.args[0])
    elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
        found += _carriers(node.value)
    return found


def _templates(node: ast.expr, params: dict[str, ast.expr], *, formatted: bool = False) -> list[str] | None:
    """The message as templates (one, or one per branch of a conditional): literal text with
    ``{param}`` (or ``{expression}``) holes; None if the message is not written at this call.
    ``formatted``: the text is a ``str.format`` template (``_("...{id}...").format(id=...)``),
    its braces are already holes."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value if formatted else node.value.replace("{", "{{").replace("}", "}}")]
    if isinstance(node, ast.JoinedStr):
        out = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                out.append(str(part.value).replace("{", "{{").replace("}", "}}"))
            elif isinstance(part, ast.FormattedValue):
                seen = {ast.dump(e) for e in _carriers(part.value)}
                key = next((k for k, v in params.items() if ast.dump(v) in seen), None)
                out.append("{" + (key or ast.unparse(part.value)) + "}")
        return ["".join(out)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = _templates(node.left, params, formatted=formatted)
        right = _templates(node.right, params, formatted=formatted)
        if left is None and right is None:
            return None
        left = left or ["{" + ast.unparse(node.left) + "}"]
        right = right or ["{" + ast.unparse(node.right) + "}"]
        return [a + b for a in left for b in right]
    if isinstance(node, ast.IfExp):
        body = _templates(node.body, params, formatted=formatted)
        orelse = _templates(node.orelse, params, formatted=formatted)
        return None if body is None or orelse is None else body + orelse
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
        name = _name(node.func)
        if name == "tr" and node.args:  # Qt: self.tr("..."), the text as written
            return _templates(node.args[0], params, formatted=formatted)
        if name == "translate" and len(node.args) > 1:  # QCoreApplication.translate(context, "...")
            return _templates(node.args[1], params)
        if name == "format" and isinstance(node.func, ast.Attribute):  # "...{x}...".format(x=...)
            return _templates(node.func.value, params, formatted=True)
        if name in {"_", "gettext", "pgettext"} and node.args:  # i18n: _("...{x}...")
            return _templates(node.args[-1], params, formatted=formatted)
        if name == "ngettext" and len(node.args) >= 2:  # i18n: ngettext("{n} day", "{n} days", n)
            one, many = (_templates(a, params, formatted=formatted) for a in node.args[:2])
            # one wording in two grammatical numbers: one template, "singular / plural"
            return None if one is None or many is None else [f"{a} / {b}" for a in one for b in many]
    return None


@dataclass(frozen=True)
class Factory:
    """A function that makes its DomainError from a code it is given (``refuse(code, path,
    message)``): its callers are the sites, their message put into the factory's template."""

    code_at: int
    message_at: int | None
    message_name: str | None
    template: str | None
    params: tuple[str, ...]


def _factory(node: ast.FunctionDef, call: ast.Call) -> Factory | None:
    code_node = next((k.value for k in call.keywords if k.arg == "code"), None)
    names = [a.arg for a in node.args.args]
    if not isinstance(code_node, ast.Name) or code_node.id not in names:
        return None
    message = call.args[0] if call.args else None
    templates = None if message is None else _templates(message, _params(call))
    inner = next(
        (
            part.value.id
            for part in (message.values if isinstance(message, ast.JoinedStr) else [])
            if isinstance(part, ast.FormattedValue)
            and isinstance(part.value, ast.Name)
            and part.value.id in names
            and part.value.id != code_node.id
            and "message" in part.value.id
        ),
        None,
    )
    hole = inner
    if inner is None and isinstance(message, ast.Call) and _name(message.func) == "format":
        # i18n: _("...{message}...").format(message=message): the hole is the keyword's name
        passed = next(
            (
                k
                for k in message.keywords
                if isinstance(k.value, ast.Name)
                and k.value.id in names
                and k.value.id != code_node.id
                and "message" in k.value.id
            ),
            None,
        )
        if passed is not None:
            inner, hole = passed.value.id, passed.arg  # type: ignore[union-attr]
    return Factory(
        code_at=names.index(code_node.id),
        message_at=names.index(inner) if inner else None,
        message_name=hole,
        template=templates[0] if templates else None,
        params=tuple(_params(call)),
    )


def _site(path: Path, scope: str, cls: str, call: ast.Call, factory: Factory | None = None) -> Site:
    if factory is None:
        code_node = next((k.value for k in call.keywords if k.arg == "code"), None)
        message = (
            call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "message"), None)
        )
    else:
        code_node = call.args[factory.code_at] if len(call.args) > factory.code_at else None
        message = (
            call.args[factory.message_at]
            if factory.message_at is not None and len(call.args) > factory.message_at
            else None
        )
    if code_node is None:
        code = None
    elif isinstance(code_node, ast.Constant) and isinstance(code_node.value, str):
        code = code_node.value
    else:
        code = "<expr>"
    params = _params(call)
    templates = None if message is None else _templates(message, params)
    if factory is not None and factory.template is not None and templates is not None:
        hole = "{" + str(factory.message_name) + "}"
        templates = [factory.template.replace(hole, t) for t in templates]
    return Site(
        path=str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name,
        line=call.lineno,
        function=scope,
        cls=cls,
        code=code,
        templates=None if templates is None else tuple(templates),
        params=tuple(params) + (factory.params if factory else ()),
        message_source="" if message is None else ast.unparse(message),
    )


def sites(files: list[Path] | None = None) -> list[Site]:
    """Every construction of a DomainError (or subclass) in the package, and every
    ``super().__init__(...)`` of a subclass that fixes its own code."""
    trees = _trees(files)
    classes = error_classes(trees)
    # Subclasses with their own __init__ give the code there; calling them needs none.
    coded = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in classes - {"DomainError"}:
                if any(isinstance(n, ast.FunctionDef) and n.name == "__init__" for n in node.body):
                    coded.add(node.name)
    factories: dict[str, Factory] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                for call in ast.walk(node):
                    if isinstance(call, ast.Call) and _name(call.func) in classes:
                        made = _factory(node, call)
                        if made is not None:
                            factories[node.name] = made
    found: list[Site] = []

    def visit(path: Path, node: ast.AST, scope: str, in_class: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                _LOCAL_DICTS.clear()
                for node in ast.walk(child):
                    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
                        _LOCAL_DICTS.update(
                            {t.id: node.value for t in node.targets if isinstance(t, ast.Name)}
                        )
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                visit(path, child, child.name, child.name if isinstance(child, ast.ClassDef) else in_class)
                continue
            if isinstance(child, ast.Call):
                name = _name(child.func)
                if name in factories and isinstance(child.func, ast.Name):
                    found.append(_site(path, scope, name, child, factories[name]))
                elif name in classes and name not in coded:
                    if not (scope in factories and _factory_call(child)):
                        found.append(_site(path, scope, name, child))
                elif (
                    scope == "__init__"
                    and in_class in coded
                    and isinstance(child.func, ast.Attribute)
                    and child.func.attr == "__init__"
                    and isinstance(child.func.value, ast.Call)
                    and _name(child.func.value.func) == "super"
                ):
                    found.append(_site(path, in_class, in_class, child))
            visit(path, child, scope, in_class)

    for path, tree in trees.items():
        if path != PACKAGE / "services" / "errors.py":  # with_message keeps the error's own code
            visit(path, tree, "", "")
    return sorted(found, key=lambda s: (s.path, s.line))


def contexts(files: list[Path] | None = None) -> list[Site]:
    """Every ``exc.with_message(...)``: a refusal re-raised with context, its own code kept."""
    found = []
    for path, tree in _trees(files).items():
        for scope in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]:
            for call in ast.walk(scope):
                if isinstance(call, ast.Call) and _name(call.func) == "with_message":
                    if isinstance(call.func, ast.Attribute) and call.args:
                        found.append(_site(path, scope.name, "with_message", call))
    return sorted(set(found), key=lambda s: (s.path, s.line))


def _factory_call(call: ast.Call) -> bool:
    return any(k.arg == "code" and isinstance(k.value, ast.Name) for k in call.keywords)


# --------------------------------------------------------------------------------------------
# The catalogue


def catalogue(found: list[Site] | None = None) -> str:
    found = sites() if found is None else found
    by_code: dict[str, list[Site]] = defaultdict(list)
    for site in found:
        if site.code and site.code != "<expr>":
            by_code[site.code].append(site)
    lines = [
        "# Error codes",
        "",
        "Every refusal the app gives (a `DomainError`), by its stable code, with its English",
        "message and where it is raised. In a message, `{name}` is a value filled in when it is",
        "raised: the names listed under *params* are also in the error's `params`; the others are",
        "expressions in the source. *passed on* means the text is made elsewhere (a lower check,",
        "a date field) and kept as it is.",
        "",
        "Codes are `area.what`, never renamed once released; a new refusal gets a new code, and a",
        "code has one wording. Generated from the source by `uv run python tests/error_codes.py`;",
        "tests/test_error_codes.py fails when this file is out of date.",
        "",
    ]
    area = ""
    for code in sorted(by_code):
        if code.split(".")[0] != area:
            area = code.split(".")[0]
            lines += ["", f"## {area}", "", "| Code | Message | Params | Raised in |", "|---|---|---|---|"]
        group = by_code[code]
        messages: list[str] = []
        params: list[str] = []
        for site in group:
            for text in site.templates or [f"*passed on:* `{site.message_source}`"]:
                if text not in messages:
                    messages.append(text)
            params += [p for p in site.params if p not in params]
        places = sorted({f"{s.path.removeprefix('supervisor_app/')} `{s.function}`" for s in group})
        cells = [f"`{code}`", " / ".join(messages), ", ".join(params), "; ".join(places)]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    wrapped = [s for s in contexts() if s.templates and s.path != "supervisor_app/services/errors.py"]
    lines += [
        "",
        "## Context",
        "",
        "A refusal re-raised with context keeps its code and params (`exc.with_message`); the",
        "context's own wording, `{message}` being the refusal's:",
        "",
        "| Message | Raised in |",
        "|---|---|",
    ]
    for site in wrapped:
        text = " / ".join(t.replace("{exc.message}", "{message}") for t in site.templates or ())
        place = f"{site.path.removeprefix('supervisor_app/')} `{site.function}`"
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in (text, place)) + " |")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    text = catalogue()
    if "--check" in argv:
        if not CATALOGUE.exists() or CATALOGUE.read_text(encoding="utf-8") != text:
            print(f"{CATALOGUE.relative_to(ROOT)} is out of date: uv run python tests/error_codes.py")
            return 1
        return 0
    CATALOGUE.write_text(text, encoding="utf-8")
    print(f"wrote {CATALOGUE.relative_to(ROOT)} ({text.count('| `')} codes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
