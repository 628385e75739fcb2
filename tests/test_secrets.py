"""No password of a database connection string appears in any output, whatever form the string takes."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.store import is_database_url
from pipeline.store.postgres import safe_url

SECRET = "s3/cr@t:pw"  # with an unencoded slash, at sign and colon
FORMS = [
    "postgresql://spoor:s3cr3tpw@localhost:1/spoor",
    "postgresql://spoor@localhost:1/spoor?password=s3cr3tpw&connect_timeout=2",
    f"postgresql://spoor:{SECRET}@localhost:1/spoor",
    "host=localhost port=1 user=spoor password=s3cr3tpw dbname=spoor",
    "postgresql+psycopg://spoor:s3cr3tpw@localhost:1/spoor",
]


def _secret(form: str) -> str:
    return SECRET if SECRET in form else "s3cr3tpw"


@pytest.mark.parametrize("form", FORMS)
def test_secrets_address_as_shown_has_no_password(form):
    shown = safe_url(form)
    assert _secret(form) not in shown and "s3cr3t" not in shown
    assert "localhost" in shown  # still says which server


@pytest.mark.parametrize("form", FORMS)
def test_secrets_key_value_and_uri_forms_are_databases(form):
    assert is_database_url(form)
    assert not is_database_url("index") and not is_database_url("/tmp/host=x")


@pytest.mark.parametrize("command", [["search", "begroting"], ["build", "corpus"], ["timeline"], ["decisions"]])
@pytest.mark.parametrize("form", FORMS)
def test_secrets_unreachable_database_message_has_no_password(form, command):
    """An unreachable server (port 1) gives one line naming it, exit 2, and never the password."""
    result = CliRunner().invoke(app, [*command, "--store", form])
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert result.exit_code == 2, output
    assert _secret(form) not in output and "s3cr3t" not in output and "Traceback" not in output
    assert "localhost" in output


@pytest.mark.parametrize("form", FORMS)
def test_secrets_help_with_the_address_in_the_environment_has_no_password(form):
    """$SPOOR_STORE is read when spoor starts: a fresh process shows its default without the password."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "SPOOR_STORE": form, "COLUMNS": "200"}
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "search", "--help"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "localhost" in done.stdout  # the default is shown ...
    assert _secret(form) not in done.stdout and "s3cr3t" not in done.stdout  # ... without its password
