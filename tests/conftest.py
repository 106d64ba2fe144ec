import asyncio
import shutil
from pathlib import Path

import pytest

from bot.content import CONTENT_DIR, load_catalog
from bot.engine import build_engine
from bot.telegram_app import build_application

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def engine():
    return build_engine()


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture(scope="session")
def twenty(tmp_path_factory):
    """An engine over a copy of content/ with all twenty languages offered (tests/twenty.py)."""
    from twenty import make_twenty, twenty_engine

    return twenty_engine(make_twenty(tmp_path_factory.mktemp("twenty") / "content"))


@pytest.fixture
def content_copy(tmp_path):
    """A private copy of content/ that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def checked(scenario):
    """`scenario`, with a StopIteration (a `next()` that found nothing) turned into a failure: raised
    as it is, it cannot be set on the executor's future, and the test would hang instead of failing."""
    def run():
        try:
            scenario()
        except StopIteration as error:
            raise AssertionError("the scenario looked for something that was not there (next() found nothing)") from error
    return run


def run_bot(engine, api, scenario, counter=None, set_profile=True):
    """The real Application polling the fake Bot API server while `scenario` runs in a thread.
    `set_profile` runs post_init as run_polling does (commands and descriptions in every language)."""
    async def main():
        app = build_application(engine, "123:TEST", api.base_url, counter)
        async with app:
            if set_profile:
                await app.post_init(app)
            await app.start()
            await app.updater.start_polling(poll_interval=0, timeout=0)
            try:
                await asyncio.get_running_loop().run_in_executor(None, checked(scenario))
            finally:
                await app.updater.stop()
                await app.stop()

    asyncio.run(main())
