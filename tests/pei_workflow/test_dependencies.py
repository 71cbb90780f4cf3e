"""Dependencies point one way: `pei_forms` → `pei_workflow`, `guidance_pages` reads districts
and services only, `page_serving` serves the public pages for them all, and `site/`
(`pei_site`) wires them together. Read from the source with `ast`, so that an import inside a
function counts too."""

import ast
from pathlib import Path

import guidance_pages
import page_serving
import pei_forms
import pei_workflow

PEI_WORKFLOW = Path(pei_workflow.__file__).parent
PEI_FORMS = Path(pei_forms.__file__).parent
GUIDANCE_PAGES = Path(guidance_pages.__file__).parent
PAGE_SERVING = Path(page_serving.__file__).parent


def modules_of(package: Path) -> list[Path]:
    return sorted(path for path in package.rglob("*.py") if "migrations" not in path.parts)


def imported_packages(path: Path, package: Path) -> set[str]:
    """The top-level package of every import in one module, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = [package.name, *path.relative_to(package).parent.parts]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                # `from .. import x` in pei_workflow/admin/people stays in pei_workflow
                # unless it climbs out of it.
                base = here[: len(here) - node.level + 1]
                found.add(base[0] if base else "<outside the package>")
            elif node.module:
                found.add(node.module.split(".")[0])
    return found


def offending(package: Path, forbidden: set[str]) -> list[str]:
    return [
        f"{path.relative_to(package.parent)} imports {name}"
        for path in modules_of(package)
        for name in sorted(imported_packages(path, package) & forbidden)
    ]


def test_the_walk_reads_every_module_of_both_packages():
    """The check has modules to read, including the ones known to import other packages."""
    workflow = modules_of(PEI_WORKFLOW)
    forms = modules_of(PEI_FORMS)
    assert PEI_WORKFLOW / "services" / "people.py" in workflow
    assert PEI_WORKFLOW / "admin" / "people" / "views.py" in workflow
    assert len(workflow) > 50 and len(forms) > 10
    # pei_forms reads the casework domain, so the walk does see cross-package imports.
    assert any("pei_workflow" in imported_packages(path, PEI_FORMS) for path in forms)


def test_pei_workflow_imports_nothing_from_pei_site():
    """The casework domain does not know the site that wires it up."""
    assert offending(PEI_WORKFLOW, {"pei_site", "<outside the package>"}) == []


def test_pei_forms_imports_nothing_from_pei_site():
    """The public forms do not know the site that wires them up."""
    assert offending(PEI_FORMS, {"pei_site", "<outside the package>"}) == []


def test_pei_workflow_imports_nothing_from_pei_forms():
    """The casework domain does not know its public side: pei_forms listens to its events."""
    assert offending(PEI_WORKFLOW, {"pei_forms"}) == []


def test_every_kind_of_import_is_found(tmp_path):
    """The walk sees a plain, a from- and a function-level import, and a relative import that
    climbs out of the package, and keeps relative imports within it to the package."""
    module = tmp_path / "pkg" / "sub" / "mod.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "import pei_site.roles\n"
        "from django.db import models\n"
        "from .. import roles\n"
        "def f():\n"
        "    from pei_forms.status import presenters\n"
        "    from ... import elsewhere\n",
        encoding="utf-8",
    )
    found = imported_packages(module, tmp_path / "pkg")
    assert found == {"pei_site", "django", "pkg", "pei_forms", "<outside the package>"}


def test_guidance_pages_imports_nothing_from_pei_site_or_pei_forms():
    """The guidance site stands alone but for reading districts and services: it does not
    know the site that wires it up, nor the public forms."""
    assert offending(GUIDANCE_PAGES, {"pei_site", "pei_forms", "<outside the package>"}) == []


def test_page_serving_imports_no_app_of_the_project():
    """What serves the public pages fast is used by every app that draws them, so it uses
    none of them."""
    apps = {"pei_site", "guidance_pages", "pei_forms", "pei_workflow", "<outside the package>"}
    assert offending(PAGE_SERVING, apps) == []
