"""The production settings as the README starts them: a shared Redis cache is required and
used, and `check --deploy` is clean. Each case runs in its own process, like a server."""

import json

from tests.pei_site.subprocesses import production_env, run_manage, run_python

REDIS_REFUSAL = (
    "ImproperlyConfigured: Set REDIS_URL to the shared Redis cache (such as "
    "redis://cache.internal:6379/0): rate limits and lockouts must be counted in one place "
    "for every app server."
)


def test_check_deploy_is_clean_under_the_production_settings():
    """`manage.py check --deploy` with the README's environment exits 0 and warns of nothing."""
    result = run_manage(production_env(), "check", "--deploy", "--fail-level", "DEBUG")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."
    assert result.stderr == ""


def test_without_redis_url_every_command_stops_with_one_line_naming_it():
    """No shared cache, no start: a command exits non-zero with one line saying what to set
    and why, and does nothing else."""
    result = run_manage(production_env(REDIS_URL=None), "check", "--deploy")
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.strip() == REDIS_REFUSAL


def test_the_production_cache_is_the_shared_redis(test_redis):
    """A value set under the production settings is in Redis, where every app server reads
    it, and comes back from there."""
    result = run_python(
        production_env(),
        "from django.core.cache import caches\n"
        "cache = caches['default']\n"
        "cache.set('pei-test-key', {'shared': True}, timeout=60)\n"
        "print(type(cache).__name__, cache.get('pei-test-key'))",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "RedisCache {'shared': True}"
    assert [key.decode() for key in test_redis.keys("*")] == [":1:pei-test-key"]


def test_a_rate_limit_is_counted_once_across_app_servers(test_redis):
    """Two processes (two app servers) share one budget: with a limit of 2, the third hit
    is refused whichever process takes it."""
    count_one_hit = (
        "import json\n"
        "from pei_forms.protection import allow\n"
        "print(json.dumps(allow('sends:one-client', limit=2, window=3600)))"
    )
    env = production_env()
    answers = [run_python(env, count_one_hit) for _ in range(3)]
    assert [answer.stderr for answer in answers] == ["", "", ""]
    assert [json.loads(answer.stdout) for answer in answers] == [True, True, False]
