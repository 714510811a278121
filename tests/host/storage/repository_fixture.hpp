// The storage suites' fixture: each case on a fresh database of its backend.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "host_fixture.hpp"
#include "tavla/host/storage/repositories.hpp"

namespace tavla::host::storage {

using testing::Backend;

class RepositoryTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { url_ = testing::database_url(GetParam(), dir_); }
  std::unique_ptr<Repositories> open() { return std::make_unique<Repositories>(url_); }

  tavla::testing::TempDir dir_;
  std::string url_;
};

}  // namespace tavla::host::storage
