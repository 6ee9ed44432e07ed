"""``/api/feedback`` records staff feedback only with the staff token, like ``/api/chat``."""

from __future__ import annotations

from ics_assistant.config import Settings
from ics_assistant.feedback import FeedbackStore

from .test_api import QUESTION, make_client

TOKEN = "s3cret-staff-token"


def _post(settings: Settings, headers: dict[str, str], **body: object) -> str:
    with make_client(settings, staff_token=TOKEN) as client:
        answer = client.post("/api/chat", json={"message": QUESTION}).json()
        r = client.post(
            "/api/feedback",
            json={"question": QUESTION, "answer": answer, "rating": 1, **body},
            headers=headers,
        )
        assert r.status_code == 201, r.text
        new_id = r.json()["id"]
    (record,) = [rec for rec in FeedbackStore(settings.feedback_db).records() if rec.id == new_id]
    return record.audience


def test_staff_feedback_without_the_token_is_stored_as_public(settings: Settings) -> None:
    assert _post(settings, {}, audience="staff") == "public"
    assert _post(settings, {"Authorization": "Bearer wrong"}, audience="staff") == "public"


def test_staff_claimed_inside_the_answer_without_the_token_is_stored_as_public(settings: Settings) -> None:
    with make_client(settings, staff_token=TOKEN) as client:
        answer = {**client.post("/api/chat", json={"message": QUESTION}).json(), "audience": "staff"}
        r = client.post("/api/feedback", json={"question": QUESTION, "answer": answer, "rating": -1})
        assert r.status_code == 201
    assert [rec.audience for rec in FeedbackStore(settings.feedback_db).records()] == ["public"]


def test_staff_feedback_with_the_token_is_stored_as_staff(settings: Settings) -> None:
    assert _post(settings, {"Authorization": f"Bearer {TOKEN}"}, audience="staff") == "staff"
    assert _post(settings, {"Authorization": f"Bearer {TOKEN}"}, audience="public") == "public"
