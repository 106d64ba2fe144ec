from bot.sent_messages import SentMessages


def test_bounded_per_chat_and_in_chats():
    sent = SentMessages(max_chats=3, per_chat=2)
    for chat in range(5):
        for mid in range(4):
            sent.add(chat, mid)
    assert len(sent) == 3
    assert sent.take(0) == []
    assert sent.take(4) == [2, 3]
    assert sent.take(4) == []


def test_entries_expire():
    now = [0.0]
    sent = SentMessages(ttl=10, clock=lambda: now[0])
    sent.add(1, 11)
    now[0] = 5
    sent.add(1, 12)
    now[0] = 12
    assert sent.take(1) == [12]


def test_an_entry_expires_at_exactly_its_age_limit_and_the_oldest_chat_goes_first():
    now = [0.0]
    sent = SentMessages(ttl=10, clock=lambda: now[0], max_chats=2)
    sent.add(1, 11)
    sent.add(2, 21)
    sent.add(1, 12)  # chat 1 is now the most recent
    sent.add(3, 31)  # over two chats: the least recent (2) is forgotten
    assert sent.take(2) == []
    now[0] = 10
    assert sent.take(1) == []  # ten seconds old at a ten-second limit: too old
    now[0] = 0
    sent.add(4, 41)
    now[0] = 9.5
    assert sent.take(4) == [41]
