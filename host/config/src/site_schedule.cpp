#include <algorithm>
#include <set>

#include "site_sections.hpp"
#include "tavla/host/config/schedule.hpp"

namespace tavla::host::config {
namespace {

// The dates of a [[session]]: `date`, or `repeat` from `from` to `until`
// without the dates in `except`.
std::vector<protocol::Date> session_dates(const TomlReader& r, const toml::table& t,
                                          const std::string& where) {
  const auto repeat = r.opt_string(t, "repeat", where);
  if (!repeat) {
    const auto date = r.opt_date(t, "date", where);
    if (!date) {
      r.fail(&t, where + ".date", "missing: give a date, or repeat with from and until");
    }
    return {*date};
  }
  const auto rule = parse_recurrence(*repeat);
  if (!rule) {
    r.fail(t.get("repeat"), where + ".repeat",
           "'" + *repeat +
               R"(' is not understood; write e.g. "last friday monthly", )"
               R"("first monday monthly" or "weekly tuesday")");
  }
  const auto from = r.opt_date(t, "from", where);
  const auto until = r.opt_date(t, "until", where);
  if (!from || !until) {
    r.fail(&t, where + (from ? ".until" : ".from"), "missing (required with repeat)");
  }
  if (*until < *from) {
    r.fail(t.get("until"), where + ".until",
           protocol::format_date(*until) + " is before from = " + protocol::format_date(*from));
  }
  std::vector<protocol::Date> except;
  if (const toml::node* ex = t.get("except")) {
    if (!ex->is_array()) {
      r.fail(ex, where + ".except", "must be a list of dates");
    }
    const auto& list = *ex->as_array();
    for (std::size_t i = 0; i < list.size(); ++i) {
      except.push_back(*r.opt_date(&list[i], where + ".except[" + std::to_string(i) + "]"));
    }
  }
  return occurrences(*rule, *from, *until, except);
}

// A repeated session's occurrence is "<id>-YYYYMMDD"; a single one keeps its id.
std::string occurrence_id(const std::string& id, protocol::Date day, bool repeated) {
  if (!repeated) {
    return id;
  }
  const auto text = protocol::format_date(day);
  return id + "-" + text.substr(0, 4) + text.substr(5, 2) + text.substr(8, 2);
}

}  // namespace

void read_agendas(const TomlReader& r, const toml::table& root, Site& site) {
  for (const auto& [t, where] : r.tables(root, "agenda")) {
    r.only_keys(*t, where, {"id", "name", "items"});
    Agenda a;
    a.id = r.id(*t, "id", where);
    a.name = r.text(*t, "name", where);
    for (const auto& [item, item_where] : r.tables(*t, "items")) {
      const std::string iw = where + "." += item_where;
      r.only_keys(*item, iw, {"item", "title", "minutes"});
      a.items.push_back(protocol::AgendaItem{
          r.id(*item, "item", iw), r.text(*item, "title", iw),
          static_cast<std::uint64_t>(r.int_required(*item, "minutes", iw, 0, 1440))});
    }
    site.agendas.push_back(std::move(a));
  }
}

void read_schedule(const TomlReader& r, const toml::table& root, Site& site) {
  std::set<std::string> ids;
  for (const auto& [t, where] : r.tables(root, "session")) {
    r.only_keys(*t, where,
                {"id", "group", "title", "agenda", "repeat", "date", "from", "until", "except",
                 "start", "end"});
    const std::string id = r.id(*t, "id", where);
    const std::string group = r.string(*t, "group", where);
    if (site.group(group) == nullptr) {
      r.fail(t->get("group"), where + ".group", "no [[group]] has id '" + group + "'");
    }
    const std::string title = r.text(*t, "title", where);
    auto agenda = r.opt_string(*t, "agenda", where);
    if (agenda && std::none_of(site.agendas.begin(), site.agendas.end(),
                               [&](const Agenda& a) { return a.id == *agenda; })) {
      r.fail(t->get("agenda"), where + ".agenda", "no [[agenda]] has id '" + *agenda + "'");
    }
    const auto start = r.time_of_day(*t, "start", where);
    const auto end = r.time_of_day(*t, "end", where);
    if (end <= start) {
      r.fail(t->get("end"), where + ".end", "must be after start");
    }
    const auto dates = session_dates(r, *t, where);
    const bool repeated = dates.size() != 1 || t->contains("repeat");
    for (const auto& d : dates) {
      ScheduledSession s{occurrence_id(id, d, repeated),
                         group,
                         title,
                         oslo_to_utc(d, start),
                         oslo_to_utc(d, end),
                         agenda};
      if (!ids.insert(s.session).second) {
        r.fail(t->get("id"), where + ".id", "session id '" + s.session + "' is used twice");
      }
      site.schedule.push_back(std::move(s));
    }
  }
}

}  // namespace tavla::host::config
