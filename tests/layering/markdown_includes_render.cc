// Must NOT compile: markdown never sees the templates; only site/ joins them.
#include "render/templates.h"
