"""What the Python end-to-end tests share: a check that prints ok/FAIL and
counts failures, and writing a site's file."""
import os

failures = 0


def check(cond, what, detail=""):
    """Prints `ok   what`, or `FAIL what` and the detail, and counts it."""
    global failures
    if cond:
        print(f"ok   {what}")
    else:
        failures += 1
        print(f"FAIL {what}\n{detail}")
    return cond


def write(path, text):
    """Writes UTF-8 text, making the folders above it."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def failed():
    """The number of failed checks so far."""
    return failures
