"""The checks the hvac scripts share: one printed line per check and a closing summary."""
import sys

_counts = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    if condition:
        _counts["passed"] += 1
        print("ok   " + name)
    else:
        _counts["failed"] += 1
        print("FAIL " + name + (": " + str(detail) if detail else ""))


def raises(name, exception_type, call):
    try:
        result = call()
    except exception_type as e:
        check(name, True)
        return e
    except Exception as e:  # noqa: BLE001 - report the wrong kind of failure
        check(name, False, "raised %s: %s" % (type(e).__name__, e))
        return None
    check(name, False, "no exception; got %r" % (result,))
    return None


def finish():
    """Prints 'hvac: N passed, N failed' and exits 1 on any failure."""
    print("hvac: %d passed, %d failed" % (_counts["passed"], _counts["failed"]))
    sys.exit(1 if _counts["failed"] else 0)
