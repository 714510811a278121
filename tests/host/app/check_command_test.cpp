// `tavla-host check` through the real program: it warns about display names
// the room's screen could not tell apart and about ones that look like full
// names, and still accepts the site.
#include <gtest/gtest.h>

#include "host_fixture.hpp"
#include "host_service.hpp"

namespace tavla::host::testing {
namespace {

using tavla::testing::TempDir;

TEST(CheckCommand, WarnsAboutSharedAndFullDisplayNames) {
  TempDir dir;
  const auto config = write_example_site(dir, database_url(Backend::sqlite, dir));
  const auto clean = run_host(TAVLA_HOST, config, {"check"});
  ASSERT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_EQ(clean.err.find("display_name"), std::string::npos) << clean.err;

  auto text = tavla::testing::read_file(dir / "gv.csv");
  text.replace(text.find("p-2,Ola N.,"), 11, "p-2,Kari N.,");
  text.replace(text.find("p-3,Liv H.,"), 11, "p-3,Liv Hansen,");
  tavla::testing::write_file(dir / "gv.csv", text);
  const auto r = run_host(TAVLA_HOST, config, {"check"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: group gv-1: display_name 'Kari N.' is shared by p-1, p-2; the "
                       "room's screen shows 'Kari N. (1)', 'Kari N. (2)'"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("warning: group gv-1: p-3: display_name 'Liv Hansen' looks like a full "
                       "name"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace tavla::host::testing
