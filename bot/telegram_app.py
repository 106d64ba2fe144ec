"""The Telegram front end: a thin python-telegram-bot adapter over the engine."""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from html import escape

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    ChosenInlineResultHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from . import callbacks as cb
from .delivery import PerChatUpdateProcessor, SkippingBot, production_limiter
from .engine import Engine, Reply
from .i18n import negotiate
from .screens import Button
from .sent_messages import SentMessages

log = logging.getLogger(__name__)
HTML = ParseMode.HTML  # given with every message (python-telegram-bot's Defaults cost time on every update)
COMMANDS = ("menu", "help", "language", "privacy", "about")
# Refusals that are part of normal life: a tap on an old message, a double tap, a chat that blocked the bot.
EXPECTED_REFUSALS = ("not modified", "message to edit not found", "message can't be edited", "query is too old",
                     "message to delete not found", "bot was blocked", "chat not found", "have no rights")


def is_expected_refusal(error: object) -> bool:
    return isinstance(error, (BadRequest, Forbidden)) and any(r in str(error).lower() for r in EXPECTED_REFUSALS)


def markup(reply: Reply, private: bool = True, top: tuple[Button, ...] = ()) -> InlineKeyboardMarkup:
    """The reply's buttons; in a group without 🧹 Clear this chat (one person must not delete others' answers)."""
    return _keyboard(((top,) if top else ()) + reply.buttons, private)


class Keyboard(InlineKeyboardMarkup):
    """A keyboard built once per screen and sent many times: its JSON form is made once too."""

    __slots__ = ("_as_dict",)

    def to_dict(self, recursive: bool = True) -> dict:
        if not recursive:
            return super().to_dict(recursive)
        if getattr(self, "_as_dict", None) is None:
            with self._unfrozen():
                self._as_dict = super().to_dict()
        return self._as_dict


@lru_cache(maxsize=4096)  # a few thousand screens exist; building a keyboard costs more than finding the answer
def _keyboard(buttons: tuple[tuple[Button, ...], ...], private: bool) -> InlineKeyboardMarkup:
    rows = []
    for row in buttons:
        if not private:
            row = tuple(b for b in row if not (b.data or "").startswith(f"{cb.CLEAR}|"))
        if not row:
            continue
        rows.append([
            InlineKeyboardButton(b.label, url=b.url)
            if b.url
            else InlineKeyboardButton(b.label, switch_inline_query=b.switch_inline)
            if b.switch_inline
            else InlineKeyboardButton(b.label, callback_data=b.data)
            for b in row
        ])
    return Keyboard(rows)


def engine_of(context: ContextTypes.DEFAULT_TYPE) -> Engine:
    return context.application.bot_data["engine"]


def lang_of(update: Update, engine: Engine) -> str:
    user = update.effective_user
    return negotiate(user.language_code if user else None, engine.catalog.codes) or "en"


def is_private(update: Update) -> bool:
    return bool(update.effective_chat) and update.effective_chat.type == ChatType.PRIVATE


def count(context: ContextTypes.DEFAULT_TYPE, reply: Reply) -> None:
    counter = context.application.bot_data.get("counter")
    if counter:
        counter.add(reply.lang, reply.event, reply.card_id)
        if reply.not_covered:  # the topic's name from search.toml, never the words typed
            counter.add(reply.lang, "not_covered", reply.not_covered)


def remember(context: ContextTypes.DEFAULT_TYPE, chat_id: int, message_id: int) -> None:
    context.application.bot_data["sent"].add(chat_id, message_id)


async def send(update: Update, reply: Reply, context: ContextTypes.DEFAULT_TYPE | None = None) -> None:
    if context:
        count(context, reply)
    if update.effective_chat:
        message = await update.effective_chat.send_message(reply.text, parse_mode=HTML, reply_markup=markup(reply, is_private(update)))
        if context and is_private(update):
            remember(context, message.chat_id, message.message_id)


async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start, with an optional deep-link payload."""
    engine = engine_of(context)
    payload = context.args[0] if context.args else None
    await send(update, engine.start(lang_of(update, engine), payload), context)


async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/menu, /help, /language, /privacy, /about; in a private chat any other command gets a note and the menu."""
    engine = engine_of(context)
    name = (update.effective_message.text or "/menu").split()[0][1:].split("@")[0]
    await send(update, engine.command(lang_of(update, engine), name), context)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button press edits the message in place."""
    query = update.callback_query
    reply = engine_of(context).press(query.data)
    if reply.event == "cleared" and not is_private(update):  # Clear this chat is for private chats only
        reply = engine_of(context).privacy(reply.lang)
    try:
        await query.answer(reply.notice)
    except BadRequest:  # the query expired (the person tapped long ago): still answer the tap below
        log.info("callback query could not be answered (expired)")
    count(context, reply)
    if reply.event == "cleared" and update.effective_chat:
        await clear_chat(update, context, reply)
        return
    if query.message is None:  # a message sent inline, which the bot cannot read: nothing to edit
        return
    try:
        await query.edit_message_text(reply.text, parse_mode=HTML, reply_markup=markup(reply, is_private(update)))
    except BadRequest as error:
        if "not modified" in str(error).lower():  # a double tap: the screen is already there
            return
        log.info("could not edit the message (%s); sending the screen as a new one", type(error).__name__)
        await send(update, reply)


async def clear_chat(update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply) -> None:
    """Delete the messages this bot sent here (within Telegram's 48 hours), then confirm."""
    chat_id = update.effective_chat.id
    ids = context.application.bot_data["sent"].take(chat_id)
    if update.callback_query and update.callback_query.message:
        ids.append(update.callback_query.message.message_id)
    for start in range(0, len(ids), 100):
        try:
            await context.bot.delete_messages(chat_id, sorted(set(ids[start : start + 100])))
        except BadRequest:
            log.info("some messages could not be deleted")
    await send(update, reply, context)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Free text in a private chat, or the caption of a photo or file: search."""
    engine = engine_of(context)
    message = update.effective_message
    await send(update, engine.text(lang_of(update, engine), message.text or message.caption or ""), context)


class ForThisBot(filters.MessageFilter):
    """A group message meant for this bot: it mentions the bot's own username, or replies to the bot."""

    def filter(self, message) -> bool:
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied and replied.from_user and replied.from_user.id == bot.id:
            return True
        mentions = {**message.parse_entities(["mention"]), **message.parse_caption_entities(["mention"])}
        entities = (*(message.entities or ()), *(message.caption_entities or ()))
        return bool(bot.username) and any(text.lower() == f"@{bot.username.lower()}" for text in mentions.values()) or any(
            e.type == "text_mention" and e.user and e.user.id == bot.id for e in entities)


def private_chat_button(context: ContextTypes.DEFAULT_TYPE, engine: Engine, lang: str, card_id: str | None) -> Button:
    """A link that opens the private chat with the bot on the same card (or the welcome)."""
    url = cb.deep_link(context.bot.username, lang, card_id or "")
    return Button(engine.tr(lang).gettext("💬 Open a private chat"), url=url)


async def on_group_mention(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In a group, answer the bot's mentions and replies to it, with a button to the private chat."""
    engine = engine_of(context)
    lang = lang_of(update, engine)
    message = update.effective_message
    text = (message.text or message.caption or "")
    if context.bot.username:
        text = text.replace(f"@{context.bot.username}", " ")
    reply = engine.text(lang, text)
    count(context, reply)
    note = engine.tr(lang).gettext("I work best in a private chat with me.")
    top = (private_chat_button(context, engine, reply.lang, reply.card_id),)
    await message.reply_text(f"{reply.text}\n\n<i>{escape(note)}</i>", parse_mode=HTML, reply_markup=markup(reply, private=False, top=top))


async def on_added_to_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Added to a group: a short greeting with the way to the private chat."""
    change = update.my_chat_member
    if change.chat.type == ChatType.PRIVATE:
        return
    joined = change.new_chat_member.status in {ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR}
    was_out = change.old_chat_member.status in {ChatMemberStatus.LEFT, ChatMemberStatus.BANNED}
    if not (joined and was_out):
        return
    engine = engine_of(context)
    lang = lang_of(update, engine)
    text = engine.tr(lang).gettext(
        "Hello! I explain migrants' rights in plain words. Mention me (@%(bot)s) with a question, "
        "or reply to my messages. For anything personal, open a private chat:") % {"bot": context.bot.username}
    button = private_chat_button(context, engine, lang, None)
    await context.bot.send_message(change.chat.id, escape(text), parse_mode=HTML, reply_markup=InlineKeyboardMarkup(
        [[InlineKeyboardButton(button.label, url=button.url)]]))


async def on_unsupported(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice, files, locations, contacts: never downloaded."""
    engine = engine_of(context)
    await send(update, engine.unsupported(lang_of(update, engine)), context)


async def on_inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`@bot detention` or `@bot ar detention`: cards to send into any chat."""
    engine = engine_of(context)
    query = update.inline_query
    results = [
        InlineQueryResultArticle(
            id=item.id,
            title=item.title,
            input_message_content=InputTextMessageContent(item.text, parse_mode=ParseMode.HTML),
            reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton(item.button, url=cb.deep_link(context.bot.username, item.lang, item.card_id))]]
            ),
        )
        for item in engine.shareable(lang_of(update, engine), query.query)
    ]
    await query.answer(results, cache_time=60, is_personal=False)


async def on_chosen_inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A caseworker sent a card into a chat: count it (language and card only)."""
    lang, _, card_id = update.chosen_inline_result.result_id.partition(":")
    counter = context.application.bot_data.get("counter")
    if counter and card_id in engine_of(context).catalog.cards:
        counter.add(lang, "inline_shared", card_id)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the handler's exception (never the user's text) and give the person the menu."""
    if is_expected_refusal(context.error):  # Telegram said no for an ordinary reason: nothing to fix
        log.info("Telegram refused a call: %s", type(context.error).__name__)
        return
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat:
        engine = engine_of(context)
        try:
            await send(update, engine.error(lang_of(update, engine)))
        except Exception:  # the network may be what failed; nothing more to do
            log.warning("could not send the error reply")


def command_descriptions(engine: Engine, lang: str) -> list[tuple[str, str]]:
    tr = engine.tr(lang)
    return [
        ("start", tr.gettext("Start again")),
        ("menu", tr.gettext("Topics")),
        ("language", tr.gettext("Change language")),
        ("help", tr.gettext("How to use this bot")),
        ("privacy", tr.gettext("Your privacy")),
        ("about", tr.gettext("About this bot")),
    ]


def profile_languages(codes: tuple[str, ...]) -> list[str]:
    """The languages Telegram takes a profile in: it refuses any code but two letters (ISO 639-1),
    so Sorani (`ckb`) has none, and its readers see the default, English."""
    return [code for code in codes if len(code) == 2 and code.isascii() and code.isalpha()]


async def post_init(application: Application) -> None:
    """The bot's profile in every language: commands, description, short description."""
    engine: Engine = application.bot_data["engine"]
    bot = application.bot
    for lang in profile_languages(engine.catalog.codes):
        code = None if lang == "en" else lang  # English is the default for every other language
        tr = engine.tr(lang)
        await bot.set_my_commands(command_descriptions(engine, lang), language_code=code)
        await bot.set_my_description(
            tr.gettext("I explain the rights of migrants in plain words, from UN human rights guidance. "
                       "I do not keep your name, your number or your messages.")[:512],
            language_code=code,
        )
        await bot.set_my_short_description(
            tr.gettext("Migrants' rights in plain words. No personal data kept.")[:120], language_code=code
        )


async def please_wait(application: Application, update: Update) -> None:
    """One chat sent more than the bot holds for it: one short note, the rest of the burst is dropped."""
    engine: Engine = application.bot_data["engine"]
    if update.effective_chat is None:
        return
    text = engine.tr(lang_of(update, engine)).gettext("One moment, please: I answer your messages one by one.")
    try:
        await application.bot.send_message(update.effective_chat.id, escape(text), parse_mode=HTML)
    except Exception as error:  # the note is a courtesy: never worth an error
        log.info("could not send the please-wait note: %s", type(error).__name__)


async def post_shutdown(application: Application) -> None:
    counter = application.bot_data.get("counter")
    if counter:
        counter.close()  # the counts still in memory go to disk


def make_bot(token: str, base_url: str | None, rate_limiter: AIORateLimiter) -> SkippingBot:
    """The bot, as ApplicationBuilder would make it, but one that skips an update it cannot read."""
    return SkippingBot(
        token,
        base_url=base_url or "https://api.telegram.org/bot",
        request=HTTPXRequest(connection_pool_size=256),
        get_updates_request=HTTPXRequest(connection_pool_size=1),
        rate_limiter=rate_limiter,
    )


def build_application(
    engine: Engine, token: str, base_url: str | None = None, counter=None, rate_limiter: AIORateLimiter | None = None
) -> Application:
    """The bot's Application; `rate_limiter` replaces Telegram's limits (tests and benchmarks only)."""
    logging.getLogger("httpx").setLevel(logging.WARNING)  # at INFO it logs URLs, which hold the token
    processor = PerChatUpdateProcessor()
    builder = (
        ApplicationBuilder()
        .bot(make_bot(token, base_url, rate_limiter or production_limiter()))
        .concurrent_updates(processor)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    application = builder.build()
    processor.on_overflow = lambda update: please_wait(application, update)
    application.bot_data["engine"] = engine
    application.bot_data["counter"] = counter
    application.bot_data["sent"] = SentMessages()
    private = filters.ChatType.PRIVATE
    readable = filters.TEXT | filters.CAPTION
    application.add_handler(CommandHandler("start", on_start))
    application.add_handler(CommandHandler(list(COMMANDS), on_command))
    application.add_handler(MessageHandler(private & filters.COMMAND, on_command))  # unknown: a note and the menu
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_handler(InlineQueryHandler(on_inline))
    application.add_handler(ChosenInlineResultHandler(on_chosen_inline))
    application.add_handler(ChatMemberHandler(on_added_to_group, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(MessageHandler(private & readable & ~filters.COMMAND, on_text))
    application.add_handler(MessageHandler(private & ~readable & ~filters.COMMAND, on_unsupported))
    application.add_handler(MessageHandler(filters.ChatType.GROUPS & readable & ForThisBot() & ~filters.COMMAND, on_group_mention))
    application.add_error_handler(on_error)
    return application


def run_telegram(engine: Engine, webhook_url: str | None = None, listen: str = "127.0.0.1", port: int = 8443) -> int:
    """Long polling, or a webhook when `webhook_url` is given (TELEGRAM_WEBHOOK_SECRET required)."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO)
    token = os.environ["TELEGRAM_BOT_TOKEN"]
    from .stats import UsageCounter

    flush_every = float(os.environ.get("RIGHTS_BOT_STATS_FLUSH_SECONDS") or 5)  # counts go to disk this often
    application = build_application(engine, token, os.environ.get("TELEGRAM_API_BASE_URL"), UsageCounter(flush_every=flush_every))
    if webhook_url:
        secret = os.environ.get("TELEGRAM_WEBHOOK_SECRET", "")
        if not secret:
            log.error("TELEGRAM_WEBHOOK_SECRET is not set: set it to 1-256 characters of A-Z a-z 0-9 _ -")
            return 2
        application.run_webhook(listen=listen, port=port, webhook_url=webhook_url, secret_token=secret,
                                allowed_updates=Update.ALL_TYPES)
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)  # stops cleanly on SIGINT/SIGTERM
    return 0
