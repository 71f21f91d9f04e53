// Which sections are "news-type": dated articles that residents read as a
// stream. They get archives by year and month (/news/2024/, /news/2024/06/)
// and `check` reports them when nothing new appeared in `freshness_days`.
#pragma once

#include "content/collection.h"

namespace hongfan {

/// news/ and notices/ (where `date` is required), and any other folder
/// whose pages all carry a `date`. Not pages/ (free pages), activities/
/// and brands/ (their own pages and calendars), or gongkai/ (listed by
/// kind and period, not by date).
bool is_news_type(const Section& section);

}  // namespace hongfan
