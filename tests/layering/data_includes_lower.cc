// Must compile: the control for the probes that must not. data/ sees its
// own headers and those of the layers below it.
#include "config/config.h"
#include "core/diagnostics.h"
#include "data/site_data.h"
