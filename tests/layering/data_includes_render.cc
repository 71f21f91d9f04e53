// Must NOT compile: data/ is below render/ (tests/layering/layering.py).
#include "render/view.h"
