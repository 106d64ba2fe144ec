import json
from html import escape
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

COMMANDS = ["run", "chat", "search", "export", "check", "stats", "links", "bench"]


def cli(*args, stdin="", timeout=120):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout, env={"PATH": "/usr/bin:/bin"})


def test_every_command_has_help_with_an_example():
    for command in COMMANDS:
        result = cli(command, "--help")
        assert result.returncode == 0 and "Example" in result.stdout, command


def test_check_passes():
    result = cli("check")
    assert result.returncode == 0, result.stderr


def test_search_json_from_stdin():
    result = cli("search", "--lang", "en", "--json", stdin="docter without paperz\nunpaid wages\nnecesito un medico sin papeles\nx\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [l["query"] for l in lines] == ["docter without paperz", "unpaid wages", "necesito un medico sin papeles", "x"]
    # what the bot would do, and in which language
    assert [(l["decision"], l["lang"]) for l in lines[2:]] == [(lines[2]["decision"], "es"), ("none", "en")]
    assert lines[2]["decision"] in ("open", "list") and lines[3]["results"] == []
    first = lines[0]["results"][0]
    assert first["id"] == "health-doctor" and first["lang"] == "en"
    assert first["sources"][0]["principle"] == 12 and len(lines[0]["results"]) <= 5
    assert lines[1]["results"][0]["id"] == "work-unpaid"


def test_export_json_has_every_card_and_the_menu():
    data = json.loads(cli("export", "--json", "--lang", "en").stdout)
    ids = {c["id"] for c in data["cards"]}
    assert "health-doctor" in ids and len(ids) >= 60
    card = next(c for c in data["cards"] if c["id"] == "health-doctor")
    assert card["lang"] == "en" and "What you can do" in card["text"] and card["keywords"]
    assert data["menu"]["main"][0] == "urgent-help"


def test_console_chat_driven_through_stdin():
    result = cli("chat", stdin="2\n1\ndoctr no papers\nxyzzy qwrt\n999\nq\n")
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "Health care" in out
    # "doctr no papers" opens the card (its title again) or lists it first
    assert out.count("Can I see a doctor without papers?") >= 2 or "1. Doctor without papers" in out
    assert "did not find" in out
    assert "Traceback" not in result.stderr


def test_console_chat_takes_commands_and_shows_links(engine):
    import io

    from bot.console import show
    from bot.engine import Button, Reply

    result = cli("chat", stdin="/privacy\n/start fr_health-doctor\n/nonsense\nq\n")
    assert "Your privacy" in result.stdout
    assert "Puis-je voir un médecin sans papiers ?" in result.stdout
    last = result.stdout.rsplit("Puis-je voir un médecin sans papiers ?", 1)[1]
    assert "🛡️ Vie privée" in last and "je ne connais pas cette commande" in last  # a note and the menu, in the language now chosen
    out = io.StringIO()
    show(Reply("x", ((Button("💬 Talk to a person", url="https://t.me/example_org"),),), "en"), out, engine.tr("en"))
    assert "💬 Talk to a person: https://t.me/example_org" in out.getvalue()


def test_run_without_token_is_the_console_chat():
    result = cli("run", stdin="hi\nq\n")
    assert result.returncode == 0 and "plain words" in result.stdout


def test_links_write_qr_codes_and_posters_that_open_the_right_card(tmp_path, engine):
    result = cli("links", "--bot", "rights_test_bot", "--lang", "en", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = [l.split("\t") for l in result.stdout.splitlines()]
    link = next(l[2] for l in lines if l[1] == "health-doctor")
    assert link == "https://t.me/rights_test_bot?start=en_health-doctor"
    assert engine.start("ar", link.split("start=")[1]).card_id == "health-doctor"
    assert (tmp_path / "en_health-doctor.svg").read_text().startswith("<?xml")
    assert (tmp_path / "en_health-doctor.png").read_bytes()[:4] == b"\x89PNG"
    poster = (tmp_path / "poster_en.html").read_text()
    assert "<svg" in poster and "does not keep your name" in poster
    assert "<li>Health</li>" in poster  # topic labels without emoji, which printers' fonts may lack
    assert '<bdi dir="ltr">@rights_test_bot</bdi>' in poster  # "@name" stays whole in a right-to-left poster
    assert cli("links", "--bot", "bad name!").returncode == 2


@pytest.mark.timeout(960)  # about 2 minutes alone; over 5 (the suite's limit) with eight jobs on two cores
def test_bench_quick_prints_every_figure_with_its_baseline():
    out = cli("bench", "--quick", timeout=900).stdout
    summary = out.split("Summary", 1)[1]
    figures = ["latency: p50", "ratio to raw rapidfuzz", "throughput limited: ours", "throughput unlimited: ours",
               "load: 50 people x 10 updates", "every reply exactly once", "cold start", "peak RSS"]
    figures += ["4x cards p99", "4,096 characters at most"] + [f"quality {lang}: held-out top-1/top-3 ours" for lang in ("en", "ar", "fa", "fr", "es", "uk", "ru", "tr")]
    for figure in figures:
        assert figure in summary, figure


def test_run_with_a_token_but_no_telegram_library_says_so_and_stops(monkeypatch, capsys):
    from bot import cli as bot_cli

    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:abc")
    monkeypatch.setitem(sys.modules, "bot.telegram_app", None)  # as if python-telegram-bot were missing
    monkeypatch.setattr(bot_cli, "cmd_chat", lambda args: pytest.fail("started the console chat"))
    assert bot_cli.main(["run"]) == 1
    assert "cannot start" in capsys.readouterr().err


def test_console_chat_shows_the_thanks_for_a_thumbs_up(engine):
    import io

    from bot.console import show

    out = io.StringIO()
    card = engine.card("en", "det-basics")
    show(engine.press(card.buttons[0][0].data), out, engine.tr("en"))
    assert "(Thank you. This helps us make the answers better.)" in out.getvalue()
    assert "👍" not in out.getvalue()  # asked once: the card comes back without the question


def test_output_into_a_closed_pipe_ends_quietly():
    """`python main.py export --json | head -c 10`: the reader leaves early; no traceback."""
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "export", "--json"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=ROOT)
    assert process.stdout.read(10)
    process.stdout.close()
    _, errors = process.communicate(timeout=120)
    assert b"Traceback" not in errors and b"BrokenPipe" not in errors, errors.decode(errors="replace")


def test_a_python_without_the_dependencies_is_told_how_to_install_them():
    # -S: no site-packages, as with a system Python that never ran tasks.py
    result = subprocess.run([sys.executable, "-S", str(ROOT / "main.py"), "check"], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "is not installed" in result.stderr and "python3 tasks.py run" in result.stderr


def test_a_python_outside_venv_without_the_dependencies_runs_the_command_in_venv():
    # `python main.py check` with a system Python: the command runs through .venv, set up once as the
    # quick start does (here it exists already: the tests run in it), instead of failing.
    from tasks import PYTHON

    assert Path(sys.executable).absolute() == PYTHON.absolute(), "run the tests with `python3 tasks.py test`"
    system_python = getattr(sys, "_base_executable", sys.executable)
    result = subprocess.run([system_python, "-S", str(ROOT / "main.py"), "check"], capture_output=True, text=True,
                            cwd=ROOT, timeout=300)
    assert result.returncode == 0 and "content OK" in result.stdout, result.stderr[-2000:]
    assert "is not installed for" in result.stderr and "using .venv" in result.stderr


def test_every_line_of_a_poster_is_in_its_language(engine, catalog):
    # Its sentences are the welcome's, the privacy screen's and the urgent card's: translated everywhere.
    from bot.links import poster

    for lang in catalog.codes:
        html = poster(engine, "rights_test_bot", lang, "<svg/>")
        welcome = engine.tr(lang).gettext("Hello. I explain migrants' rights in plain words.")
        urgent, shown = catalog.card_text("urgent-help", lang)
        assert escape(welcome) in html and escape(urgent.body.split("\n\n")[0]) in html and shown == lang
        english = ("Hello. I explain", "in plain words", "call the local emergency number")
        assert lang == "en" or not any(e in html for e in english), lang


PROMPT = "Type a number, or your question (q to quit)."


def console(engine, lang, typed):
    import io

    from bot.console import chat

    out = io.StringIO()
    chat(engine, lang, io.StringIO(typed), out)
    return out.getvalue()


@pytest.mark.parametrize("lang, prompt", [("ar", "اكتب رقمًا، أو سؤالك (q للخروج)."), ("ti", "ቁጽሪ ወይ ሕቶኻ ጽሓፍ (ንምውጻእ q)።")], ids=["ar", "ti"])
def test_the_console_asks_for_a_number_or_a_question_in_its_language(engine, lang, prompt):
    out = console(engine, lang, "q\n")
    assert out.rstrip("\n").rsplit("\n", 1)[1] == prompt
    assert PROMPT not in out
    assert console(engine, "en", f"/start {lang}_health-doctor\nq\n").rstrip("\n").rsplit("\n", 1)[1] == prompt


def test_every_language_translates_the_console_prompt_and_keeps_q_to_quit(engine, catalog):
    import re

    for lang in catalog.codes:
        prompt = engine.tr(lang).gettext(PROMPT)
        assert (prompt == PROMPT) == (lang == "en"), f"{lang}: the console prompt is not translated"
        assert re.search(r"(?<![\w])q(?![\w])", prompt), f"{lang}: the prompt must name 'q', the key that quits"
        assert console(engine, lang, "q\n1\n").count(prompt) == 1, lang  # q quits: the "1" after it is never read
