"""A catalog with all twenty languages of issue 13, for tests, built from a copy of content/.

A new language whose content has not landed yet gets a stub: English topics and interface, and a few
cards written in the language (below), enough for its words to reach search. A language that has
landed with `offered = false` is offered in the copy, with its real cards, which the stubs never
replace. The interface of a language without a compiled catalog is English.
"""

from __future__ import annotations

import gettext
import json
import re
import shutil
from pathlib import Path

from bot.content import CONTENT_DIR, load_catalog
from bot.engine import Engine
from bot.i18n import MissingCatalog, Translator, load_translators

NEW = ("pt", "ps", "ti", "am", "so", "uz", "tg", "ky", "ku", "ckb", "ur", "bn")

# (title, body, actions, keywords) per card: short, but in the words people use, loan words included.
STUB_CARDS = {
    "pt": {
        "health-doctor": ("Posso ir ao médico sem documentos?",
                          "As normas internacionais dizem que todos devem poder ter cuidados de saúde, também sem documentos.",
                          ("Vá a um posto de saúde, hospital ou clínica gratuita.", "Peça um intérprete."),
                          ("médico", "doutor", "sem documentos", "sem papéis", "hospital", "posto de saúde", "SUS",
                           "clínica", "doente", "saúde", "indocumentado")),
        "work-unpaid": ("O meu patrão não me paga. O que posso fazer?",
                        "Todos os trabalhadores devem poder reclamar do empregador, também sem documentos.",
                        ("Anote as suas horas e o seu salário.", "Procure um sindicato."),
                        ("salário", "patrão", "chefe", "não me paga", "trabalho", "empregador", "dinheiro", "sindicato",
                         "trabalhador")),
        "det-basics": ("Podem prender-me por causa dos documentos?",
                       "Estar no país sem documentos não deve ser crime. A detenção deve ser o último recurso.",
                       ("Pergunte porque está detido.", "Peça um advogado."),
                       ("preso", "prisão", "detenção", "detido", "cadeia", "sem documentos", "centro de detenção")),
        "justice-police": ("A polícia parou-me e pediu documentos.",
                           "Estar no país sem documentos não deve ser crime. A polícia deve estar separada da imigração.",
                           ("Fique calmo.", "Não assine papéis que não entende."),
                           ("polícia", "policia", "documentos", "parado", "abordagem", "imigração")),
        "edu-school": ("O meu filho pode ir à escola sem documentos?",
                       "Toda criança migrante deve poder ir à escola, com ou sem documentos.",
                       ("Vá à escola do bairro e peça a matrícula.",), ("escola", "matrícula", "filho", "criança", "estudar")),
    },
    "so": {
        "health-doctor": ("Ma arki karaa dhakhtar anigoo aan waraaqo haysan?",
                          "Heerarka caalamiga ah waxay dhahaan qof walba waa inuu helaa daryeel caafimaad.",
                          ("Tag isbitaal ama rugta caafimaadka.", "Weydii turjubaan."),
                          ("dhakhtar", "dhaqtar", "isbitaal", "cisbitaal", "caafimaad", "bukaan", "waraaqo la'aan",
                           "sharci la'aan", "daawo")),
        "work-unpaid": ("Madaxayga lacag ima siinayo.",
                        "Shaqaale kasta waa inuu awoodaa inuu ka cabto loo shaqeeyaha.",
                        ("Qor saacadahaaga iyo mushaharkaaga.",), ("mushahar", "lacag", "shaqo", "madax", "loo shaqeeye")),
        "det-basics": ("Ma i xiri karaan waraaqaha dartood?",
                       "Dalka oo lagu joogo waraaqo la'aan waa inaanay dembi ahayn.",
                       ("Weydii sababta laguu xiray.", "Weydii qareen."), ("xabsi", "xarig", "la xiray", "xir")),
    },
    "ku": {
        "health-doctor": ("Ez dikarim bê belge biçim cem bijîşk?",
                          "Standardên navneteweyî dibêjin divê her kes bikaribe lênêrîna tenduristiyê bistîne.",
                          ("Here nexweşxane an klînîkê.", "Wergêrek bixwaze."),
                          ("bijîşk", "doktor", "nexweşxane", "klînîk", "nexweş", "bê belge", "bê kaxez", "tenduristî")),
        "work-unpaid": ("Patronê min heqê min nade.",
                        "Divê hemû karker bikaribin gilî ji kardêr bikin.",
                        ("Saetên xwe û heqê xwe binivîse.",), ("heq", "mûçe", "pere", "patron", "kar", "karker")),
        "justice-police": ("Polîs ez rawestandim û belge xwestin.",
                           "Li welatekî bê belge bûn divê ne sûc be.",
                           ("Aram bimîne.", "Parêzerek bixwaze."), ("polîs", "polis", "belge", "nasname", "girtin")),
    },
    "uz": {
        "health-doctor": ("Hujjatsiz shifokorga borsam boʻladimi?",
                          "Xalqaro standartlarga koʻra har kim tibbiy yordam olishi kerak.",
                          ("Poliklinika yoki kasalxonaga boring.", "Tarjimon soʻrang."),
                          ("shifokor", "vrach", "doktor", "kasalxona", "bolnitsa", "poliklinika", "dokumentsiz",
                           "hujjatsiz", "врач", "больница", "шифокор", "касалхона")),
        "work-unpaid": ("Xoʻjayinim pul bermayapti.",
                        "Har bir ishchi ish beruvchidan shikoyat qila olishi kerak.",
                        ("Ish soatlaringizni yozib boring.",), ("ish haqi", "oylik", "zarplata", "xoʻjayin", "pul",
                                                                 "ishchi", "зарплата", "ойлик", "патент", "patent")),
        "justice-police": ("Politsiya meni toʻxtatib hujjat soʻradi.",
                           "Hujjatsiz boʻlish jinoyat boʻlmasligi kerak.",
                           ("Xotirjam boʻling.", "Advokat soʻrang."),
                           ("politsiya", "militsiya", "полиция", "hujjat", "dokument", "документ", "registratsiya",
                            "регистрация", "propiska", "прописка")),
    },
    "tg": {
        "health-doctor": ("Оё бе ҳуҷҷат ба духтур рафта метавонам?",
                          "Меъёрҳои байналмилалӣ мегӯянд, ки ҳар кас бояд ёрии тиббӣ гирад.",
                          ("Ба беморхона ё поликлиника равед.", "Тарҷумон пурсед."),
                          ("духтур", "врач", "беморхона", "больница", "поликлиника", "бе ҳуҷҷат", "бе документ",
                           "документ", "бемор", "скорая")),
        "work-unpaid": ("Хоҷаинам музд намедиҳад.",
                        "Ҳар як коргар бояд аз корфармо шикоят карда тавонад.",
                        ("Соатҳои кориатонро нависед.",), ("музд", "маош", "зарплата", "пул", "хоҷаин", "корфармо",
                                                           "патент", "коргар", "работа")),
        "det-basics": ("Оё маро барои ҳуҷҷат ҳабс карда метавонанд?",
                       "Бе ҳуҷҷат будан набояд ҷиноят бошад.",
                       ("Сабабро пурсед.", "Адвокат пурсед."), ("ҳабс", "зиндон", "депортация", "миграция", "документ")),
        "justice-police": ("Полиция маро боздошт ва ҳуҷҷат пурсид.",
                           "Бе ҳуҷҷат будан набояд ҷиноят бошад.",
                           ("Ором бошед.",), ("полиция", "милиция", "ҳуҷҷат", "документ", "регистрация", "прописка")),
    },
    "ky": {
        "health-doctor": ("Документсиз доктурга барсам болобу?",
                          "Эл аралык стандарттар боюнча ар бир адам медициналык жардам алышы керек.",
                          ("Ооруканага же поликлиникага барыңыз.", "Котормочу сураңыз."),
                          ("доктур", "дарыгер", "врач", "оорукана", "больница", "поликлиника", "документсиз",
                           "документ", "ооруп", "скорая")),
        "work-unpaid": ("Кожоюнум айлык бербей жатат.",
                        "Ар бир жумушчу иш берүүчүгө даттана алышы керек.",
                        ("Иштеген саатыңызды жазып алыңыз.",), ("айлык", "акча", "зарплата", "кожоюн", "жумуш",
                                                                 "патент", "работа", "жумушчу")),
        "justice-police": ("Полиция мени токтотуп документ сурады.",
                           "Документсиз болуу кылмыш болбошу керек.",
                           ("Тынч болуңуз.",), ("полиция", "милиция", "документ", "паспорт", "регистрация", "прописка")),
    },
}


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def _stub_cards(code: str, fingerprints: dict[str, str], translated: set[str]) -> str:
    blocks = []
    for card_id, (title, body, actions, keywords) in STUB_CARDS.get(code, {}).items():
        if card_id in translated:  # the real card has landed: it wins
            continue
        blocks.append("\n".join([
            f"[{card_id}]",
            f"title = {_toml_string(title)}",
            f"body = {_toml_string(body)}",
            "actions = [" + ", ".join(map(_toml_string, actions)) + "]",
            "keywords = [" + ", ".join(map(_toml_string, keywords)) + "]",
            f'source_hash = "{fingerprints[card_id]}"',
        ]))
    return "\n\n".join(blocks) + "\n"


def make_twenty(target: Path) -> Path:
    """content/ copied to `target`, with every language of issue 13 offered."""
    shutil.copytree(CONTENT_DIR, target)
    english = load_catalog(target)
    fingerprints = {card_id: card.fingerprint for card_id, card in english.cards.items()}
    for code in NEW:
        folder = target / code
        if not (folder / "language.toml").exists():
            (folder / "cards").mkdir(parents=True)
            language = (target / "en" / "language.toml").read_text(encoding="utf-8")
            (folder / "language.toml").write_text(re.sub(r"(?m)^reviewed = .*$", "reviewed = false", language), encoding="utf-8")
            shutil.copy(target / "en" / "topics.toml", folder / "topics.toml")
        language = folder / "language.toml"
        language.write_text(re.sub(r"(?m)^offered = false", "offered = true", language.read_text(encoding="utf-8")),
                            encoding="utf-8")
        (folder / "cards").mkdir(exist_ok=True)
        translated = set()
        for path in (folder / "cards").glob("*.toml"):
            translated |= set(re.findall(r"(?m)^\[([a-z0-9-]+)\]", path.read_text(encoding="utf-8")))
        (folder / "cards" / "zz-stub.toml").write_text(_stub_cards(code, fingerprints, translated), encoding="utf-8")
    return target


def twenty_engine(root: Path) -> Engine:
    catalog = load_catalog(root)
    translators = {}
    for code in catalog.codes:
        try:
            translators.update(load_translators((code,)))
        except MissingCatalog:
            translators[code] = Translator(code, gettext.NullTranslations())
    return Engine(catalog, translators)
