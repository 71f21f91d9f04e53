#include "site/activity_pages.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

#include "core/date.h"
#include "core/text.h"
#include "domain/calendar.h"
#include "render/icalendar.h"
#include "render/page_reads.h"
#include "render/urls.h"

namespace hongfan {

namespace {

constexpr const char* kWeChatNote = "微信内无法直接打开日历文件，请点右上角“…”选择“在浏览器中打开”后再下载。";

std::string station_name(const ViewContext& v, const Activity& a) {
  if (a.station.id.empty()) return a.place;
  const Station* s = v.data->station(a.station.id);
  return s ? s->name : a.station.id;
}

// Where the activity happens, as one line of text (for LOCATION too).
std::string place_text(const ViewContext& v, const Activity& a) {
  std::string name = station_name(v, a);
  if (!a.station.id.empty()) {
    const Station* s = v.data->station(a.station.id);
    if (s && !s->address.empty()) name += "（" + s->address + "）";
    if (!a.place.empty()) name += " " + a.place;
  }
  return name;
}

Data colour_view(int index) {
  if (index < 0) return Data(false);
  const WucaiColour& c = wucai_colours()[static_cast<std::size_t>(index)];
  Data d;
  d.set("name", c.name);
  d.set("css", c.css);
  return d;
}

std::string ics_path(const Activity& a) {
  std::string url = a.page->url;  // "activities/slug/"
  return url.substr(0, url.size() - 1) + ".ics";
}

IcsEvent ics_event(const ViewContext& v, const Activity& a) {
  page_reads::note(*a.page);
  IcsEvent e;
  std::string host = v.config->base_url;
  auto scheme = host.find("://");
  if (scheme != std::string::npos) host = host.substr(scheme + 3);
  host = host.substr(0, host.find('/'));
  e.uid = a.page->slug + "@" + (host.empty() ? std::string("hongfan") : host);
  e.start = a.start;
  e.end = a.end;
  e.stamp = a.page->date.value_or(a.start);
  e.summary = a.page->title;
  e.location = place_text(v, a);
  e.url = v.config->absolute_url(a.page->url);
  std::string desc = a.page->plain_summary;
  if (!a.signup.empty()) desc += (desc.empty() ? "" : "\n") + std::string("报名方式：") + a.signup;
  if (!a.signup_url.empty()) desc += (desc.empty() ? "" : "\n") + std::string("在线报名：") + a.signup_url;
  e.description = desc;
  return e;
}

Data activity_detail(const ViewContext& v, const Activity& a, const std::string& root) {
  Data d = activity_card(v, a, root);
  d.set("place_address", false);
  if (!a.station.id.empty()) {
    if (const Station* s = v.data->station(a.station.id)) {
      d.set("place_address", text_or_false(s->address));
    }
    d.set("place_extra", text_or_false(a.place));
  } else {
    d.set("place_extra", false);
  }
  if (!a.organizer.id.empty()) {
    const OrgUnit* u = v.data->org.find(a.organizer.id);
    d.set("organizer", u ? u->name : a.organizer.id);
    d.set("organizer_url", u ? Data(root + "org/" + u->id + "/") : Data(false));
  } else {
    d.set("organizer", false);
    d.set("organizer_url", false);
  }
  d.set("capacity", a.capacity ? Data(fmt::format("{}人", *a.capacity)) : Data(false));
  d.set("points", a.points ? Data(fmt::format("{}分", *a.points)) : Data(false));
  d.set("signup", text_or_false(a.signup));
  d.set("signup_url", a.signup_url.empty() ? Data(false) : Data(a.signup_url));
  d.set("signup_qr", a.signup_qr.empty() ? Data(false) : Data(resolve_link(root, a.signup_qr)));
  d.set("has_signup", !a.signup.empty() || !a.signup_url.empty() || !a.signup_qr.empty());
  d.set("ics_url", root + ics_path(a));
  d.set("month_url", root + "activities/" + month_of(a.start).path());
  d.set("month_title", fmt::format("{}年{}月活动安排", month_of(a.start).year, month_of(a.start).month));
  d.set("wechat_note", kWeChatNote);
  return d;
}

std::string month_title(YearMonth ym) { return fmt::format("{}年{}月", ym.year, ym.month); }

class ActivityPlanner {
 public:
  ActivityPlanner(OutputPlan& plan, const Programme& prog) : plan_(plan), prog_(prog) {}

  void run() {
    if (!plan_.view().content->section("activities")) return;
    for (const auto& a : prog_.activities) (*months_)[month_of(a.start)].push_back(&a);
    index();
    for (auto it = months_->begin(); it != months_->end(); ++it) month(it);
    for (const auto& a : prog_.activities) single(a);
    calendars();
  }

 private:
  void index() {
    const Programme* prog = &prog_;
    auto months = months_;  // shared: the views run after this planner is gone
    plan_.add_page("activities/", plan_.pick({"activities.html"}), [prog, months](const ViewContext& v, const std::string& root) {
      const Section* s = v.content->section("activities");
      std::string title = s ? s->title : "志愿活动";
      Data d = frame_view(v, {"activities/", title, "每月党建阵地活动安排：时间、地点、组织单位、报名方式。", "", "website"});
      d.set("title", title);
      d.set("intro", s && s->index && !s->index->content_html.empty() ? Data(s->index->content_html) : Data(false));
      std::vector<Data> upcoming, past;
      for (const Activity* a : upcoming_activities(*prog, v.now)) upcoming.push_back(activity_card(v, *a, root));
      for (auto it = prog->activities.rbegin(); it != prog->activities.rend(); ++it)
        if (event_status(it->start, it->end, v.now) == EventStatus::past) past.push_back(activity_card(v, *it, root));
      d.set("has_upcoming", !upcoming.empty());
      d.set("upcoming", list_of(upcoming));
      d.set("has_past", !past.empty());
      d.set("past", list_of(past));
      std::vector<Data> ms;
      for (auto it = months->rbegin(); it != months->rend(); ++it) {
        Data m;
        m.set("title", month_title(it->first));
        m.set("url", root + "activities/" + it->first.path());
        m.set("count", std::to_string(it->second.size()));
        ms.push_back(m);
      }
      d.set("months", list_of(ms));
      d.set("has_months", !ms.empty());
      d.set("ics_url", root + "activities.ics");
      d.set("wechat_note", kWeChatNote);
      return d;
    });
  }

  using MonthMap = std::map<YearMonth, std::vector<const Activity*>>;

  void month(MonthMap::const_iterator it) {
    YearMonth ym = it->first;
    std::string url = "activities/" + ym.path();
    auto months = months_;
    const auto* list = &it->second;
    std::optional<YearMonth> prev, next;
    if (it != months_->begin()) prev = std::prev(it)->first;
    if (std::next(it) != months_->end()) next = std::next(it)->first;
    plan_.add_page(url, plan_.pick({"activities-month.html"}),
                   [ym, url, months, list, prev, next](const ViewContext& v, const std::string& root) {
      std::string title = month_title(ym) + "活动安排";
      Data d = frame_view(v, {url, title, fmt::format("{}共{}项志愿活动", month_title(ym), list->size()), "", "website"});
      d.set("title", title);
      d.set("activities_url", root + "activities/");
      auto link = [&](const std::optional<YearMonth>& m) {
        if (!m) return Data(false);
        Data l;
        l.set("title", month_title(*m));
        l.set("url", root + "activities/" + m->path());
        return l;
      };
      d.set("prev", link(prev));
      d.set("next", link(next));
      std::map<int, std::vector<const Activity*>> by_day;
      for (const Activity* a : *list) by_day[civil_from_epoch(a->start).day].push_back(a);
      auto day_items = [&](int day) {
        std::vector<Data> items;
        auto found = by_day.find(day);  // find, not []: the grid asks about every day
        if (found == by_day.end()) return items;
        for (const Activity* a : found->second) {
          Data e = activity_card(v, *a, root);
          CivilTime c = civil_from_epoch(a->start);
          e.set("time", fmt::format("{}:{:02}", c.hour, c.minute));
          items.push_back(e);
        }
        return items;
      };
      std::int64_t today = days_from_civil(civil_from_epoch(v.now).year, civil_from_epoch(v.now).month,
                                           civil_from_epoch(v.now).day);
      std::vector<Data> weeks;
      for (const auto& w : month_grid(ym)) {
        std::vector<Data> cells;
        for (int day : w) {
          Data c;
          c.set("day", day ? Data(std::to_string(day)) : Data(false));
          auto items = day ? day_items(day) : std::vector<Data>{};
          c.set("has_items", !items.empty());
          c.set("items", list_of(items));
          c.set("today", day && days_from_civil(ym.year, ym.month, day) == today);
          cells.push_back(c);
        }
        Data wk;
        wk.set("days", list_of(cells));
        weeks.push_back(wk);
      }
      d.set("weeks", list_of(weeks));
      std::vector<Data> days;
      for (const auto& [day, acts] : by_day) {
        Data e;
        std::int64_t epoch = (days_from_civil(ym.year, ym.month, day) * 86400) - kShanghaiOffsetMinutes * 60;
        e.set("date", format_chinese_date(epoch));
        e.set("date_iso", format_iso_date(epoch));
        e.set("items", list_of(day_items(day)));
        days.push_back(e);
      }
      d.set("days", list_of(days));
      d.set("ics_url", root + "activities.ics");
      d.set("wechat_note", kWeChatNote);
      return d;
    });
  }

  void single(const Activity& a) {
    const Activity* ap = &a;
    plan_.add_page(a.page->url, plan_.pick({"activity.html", "single.html"}),
                   [ap](const ViewContext& v, const std::string& root) {
      const Page& p = *ap->page;
      Data d = frame_view(v, {p.url, p.title, p.plain_summary, p.cover, "article"});
      d.set("page", page_view(v, p, root));
      d.set("activity", activity_detail(v, *ap, root));
      return d;
    });  // no lastmod: `start` is when it happens, not when the page changed
  }

  void calendars() {
    const Programme* prog = &prog_;
    const ViewContext* v = &plan_.view();
    plan_.add_file({"activities.ics", [prog, v](std::string& out) {
                      std::vector<IcsEvent> events;
                      for (const auto& a : prog->activities) events.push_back(ics_event(*v, a));
                      out += render_icalendar(v->config->title + " 志愿活动", events);
                    }});
    for (const auto& a : prog_.activities) {
      const Activity* ap = &a;
      plan_.add_file({ics_path(a), [ap, v](std::string& out) {
                        out += render_icalendar(ap->page->title, {ics_event(*v, *ap)});
                      }});
    }
  }

  OutputPlan& plan_;
  const Programme& prog_;
  std::shared_ptr<MonthMap> months_ = std::make_shared<MonthMap>();
};

// Pages (news and others) that name a brand, newest first.
std::vector<const Page*> pages_naming(const ContentSet& content, const std::string& brand) {
  std::vector<const Page*> out;
  for (const auto& p : content.pages)
    if (!p.is_section_index && p.brand.id == brand && p.section != "activities" && p.section != "brands")
      out.push_back(&p);
  std::sort(out.begin(), out.end(), list_order);
  return out;
}

}  // namespace

std::vector<const Activity*> upcoming_activities(const Programme& prog, std::int64_t now, std::size_t limit) {
  std::vector<const Activity*> out;
  for (const auto& a : prog.activities) {
    if (out.size() >= limit) break;
    if (event_status(a.start, a.end, now) != EventStatus::past) out.push_back(&a);
  }
  return out;
}

Data activity_card(const ViewContext& v, const Activity& a, const std::string& root) {
  page_reads::note(*a.page);
  Data d;
  d.set("title", a.page->title);
  d.set("url", root + a.page->url);
  const ImageInfo* thumb = page_thumbnail(v.images, *a.page);
  d.set("thumb", thumb ? Data(thumbnail_html(*thumb, root)) : Data(false));
  d.set("when", format_time_range(a.start, a.end));
  d.set("start_iso", format_rfc3339(a.start));
  EventStatus st = event_status(a.start, a.end, v.now);
  d.set("status", status_label(st));
  d.set("status_css", st == EventStatus::upcoming ? "upcoming" : st == EventStatus::ongoing ? "ongoing" : "past");
  d.set("colour", colour_view(a.colour));
  d.set("place", text_or_false(station_name(v, a)));
  d.set("place_url", !a.station.id.empty() && v.data->station(a.station.id)
                         ? Data(root + "stations/" + a.station.id + "/") : Data(false));
  d.set("brand", text_or_false(a.brand_title));
  d.set("brand_url", a.brand_title.empty() ? Data(false) : Data(root + "brands/" + a.brand + "/"));
  return d;
}

Data brand_card(const ViewContext&, const Brand& b, const std::string& root) {
  page_reads::note(*b.page);
  Data d;
  d.set("id", b.id);
  d.set("title", b.page->title);
  d.set("url", root + b.page->url);
  d.set("slogan", text_or_false(b.slogan));
  d.set("logo", b.logo.empty() ? Data(false) : Data(resolve_link(root, b.logo)));
  d.set("summary", text_or_false(b.page->plain_summary));
  return d;
}

void plan_activity_pages(OutputPlan& plan, const Programme& prog) { ActivityPlanner(plan, prog).run(); }

void plan_brand_pages(OutputPlan& plan, const Programme& prog) {
  if (prog.brands.empty()) return;
  const Programme* pp = &prog;
  plan.add_page("brands/", plan.pick({"brands.html"}), [pp](const ViewContext& v, const std::string& root) {
    const Section* s = v.content->section("brands");
    std::string title = s ? s->title : "服务品牌";
    Data d = frame_view(v, {"brands/", title, "社区党建服务品牌", "", "website"});
    d.set("title", title);
    d.set("intro", s && s->index && !s->index->content_html.empty() ? Data(s->index->content_html) : Data(false));
    std::vector<Data> items;
    for (const auto& b : pp->brands) items.push_back(brand_card(v, b, root));
    d.set("brands", list_of(items));
    return d;
  });
  for (const auto& b : prog.brands) {
    const Brand* bp = &b;
    plan.add_page(b.page->url, plan.pick({"brand.html", "single.html"}), [pp, bp](const ViewContext& v, const std::string& root) {
      const Page& p = *bp->page;
      Data d = frame_view(v, {p.url, p.title, bp->slogan.empty() ? p.plain_summary : bp->slogan, bp->logo, "website"});
      d.set("page", page_view(v, p, root));
      Data bd = brand_card(v, *bp, root);
      if (!bp->org.empty()) {
        const OrgUnit* u = v.data->org.find(bp->org);
        bd.set("org", u ? u->name : bp->org);
        bd.set("org_url", u ? Data(root + "org/" + u->id + "/") : Data(false));
      } else {
        bd.set("org", false);
        bd.set("org_url", false);
      }
      int colour = wucai_index(bp->colour);
      bd.set("colour", colour >= 0 ? colour_view(colour) : Data(false));
      std::vector<Data> upcoming, past;
      for (const auto& a : pp->activities) {
        if (a.brand != bp->id) continue;
        if (event_status(a.start, a.end, v.now) == EventStatus::past) past.insert(past.begin(), activity_card(v, a, root));
        else upcoming.push_back(activity_card(v, a, root));
      }
      bd.set("has_upcoming", !upcoming.empty());
      bd.set("upcoming", list_of(upcoming));
      bd.set("has_past", !past.empty());
      bd.set("past", list_of(past));
      std::vector<Data> news;
      for (const Page* n : pages_naming(*v.content, bp->id)) news.push_back(page_card(v, *n, root));
      bd.set("has_news", !news.empty());
      bd.set("news", list_of(news));
      d.set("brand", bd);
      return d;
    }, b.page->date.value_or(0));
  }
}

}  // namespace hongfan
