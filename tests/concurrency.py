"""Calls released together from threads, each on its own database connection: how the
tests show that limits, counts and unique rows hold when requests arrive at once."""

import threading

from django.db import connection


def race(calls, refusals=None):
    """Run `calls` at the same instant; returns, in order, what each call returned, the
    label `refusals` gives to the exception it raised ({exception class: label}), or any
    other exception (for the caller's assertions to report)."""
    refusals = refusals or {}
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except tuple(refusals) as refusal:
            outcomes[index] = next(
                label for kind, label in refusals.items() if isinstance(refusal, kind)
            )
        except Exception as error:  # noqa: BLE001 - reported by the caller's assertions
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def errors(outcomes):
    """The unexpected exceptions among the outcomes of `race`."""
    return [outcome for outcome in outcomes if isinstance(outcome, Exception)]
