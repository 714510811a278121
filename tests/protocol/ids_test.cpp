#include "tavla/protocol/ids.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tavla::protocol {
namespace {

TEST(Names, FollowTheTopicLevelRule) {
  EXPECT_TRUE(is_valid_name("kiosk-1"));
  EXPECT_TRUE(is_valid_name("0"));
  EXPECT_TRUE(is_valid_name(std::string(64, 'a')));
  EXPECT_FALSE(is_valid_name(std::string(65, 'a')));
  EXPECT_FALSE(is_valid_name("-kiosk"));
  EXPECT_FALSE(is_valid_name("Kiosk"));
  EXPECT_FALSE(is_valid_name("kiosk_1"));
  EXPECT_FALSE(is_valid_name("kiosk/1"));
  EXPECT_FALSE(is_valid_name("+"));
  EXPECT_FALSE(is_valid_name(""));
}

TEST(EventIds, CheckLengthAndCharactersOnly) {
  EXPECT_TRUE(is_valid_event_id("01JD0Z8X4C5N8E2Q7T9V3W6Y1A"));
  EXPECT_TRUE(is_valid_event_id("0190f3c4-7b1e-7cc0-9f1a-2b3c4d5e6f70"));  // UUIDv7
  EXPECT_TRUE(is_valid_event_id(std::string(16, '_')));
  EXPECT_FALSE(is_valid_event_id(std::string(15, 'a')));
  EXPECT_FALSE(is_valid_event_id(std::string(65, 'a')));
  EXPECT_FALSE(is_valid_event_id("01JD0Z8X4C5N8E2Q.7T9"));
}

TEST(Epochs, AreEightToSixtyFour) {
  EXPECT_TRUE(is_valid_epoch("abcdefgh"));
  EXPECT_FALSE(is_valid_epoch("abcdefg"));
  EXPECT_FALSE(is_valid_epoch(std::string(65, 'e')));
}

TEST(Ids, AllowDotsButNoSpacesOrSlashes) {
  EXPECT_TRUE(is_valid_id("p.0042-x_y"));
  EXPECT_TRUE(is_valid_id("a"));
  EXPECT_FALSE(is_valid_id(""));
  EXPECT_FALSE(is_valid_id(std::string(65, 'a')));
  EXPECT_FALSE(is_valid_id("Kari Nordmann"));
  EXPECT_FALSE(is_valid_id("a/b"));
  EXPECT_FALSE(is_valid_id("æ"));
}

TEST(Utf8, AcceptsNorwegianAndRejectsMalformedSequences) {
  EXPECT_TRUE(is_valid_utf8("Blåbærsyltetøy ÆØÅ – 😀"));
  EXPECT_FALSE(is_valid_utf8("\xff"));
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xe2\x82"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation
}

TEST(Text, BoundsAndControlCharacters) {
  EXPECT_FALSE(text_problem("Vedtak fattet.\nNeste møte i mars.\t(se vedlegg)"));
  EXPECT_TRUE(text_problem(""));
  EXPECT_FALSE(text_problem("", 0));
  EXPECT_FALSE(text_problem(std::string(2000, 'x')));
  EXPECT_TRUE(text_problem(std::string(2001, 'x')));
  EXPECT_TRUE(text_problem(std::string("a\0b", 3)));
  EXPECT_TRUE(text_problem("bell\a"));
  EXPECT_TRUE(text_problem("del\x7f"));
}

}  // namespace
}  // namespace tavla::protocol
