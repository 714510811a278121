// Everything of the protocol in one include.
#pragma once

#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/error.hpp"
#include "tavla/protocol/event.hpp"
#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/messages.hpp"
#include "tavla/protocol/room_config.hpp"
#include "tavla/protocol/signed_config.hpp"
#include "tavla/protocol/timestamp.hpp"
#include "tavla/protocol/topic.hpp"
