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
