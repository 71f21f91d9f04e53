// The smaller data files (docs/content/reference/format.md): data/rewards.yaml (the 积分兑换超市),
// honors.yaml (honour rolls), contacts.yaml (hotlines) and figures.yaml
// (headline figures staff state).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/diagnostics.h"
#include "core/fs.h"

namespace hongfan {

struct Reward {
  std::string name, image;
  long long points = 0;
  std::optional<long long> stock;
};

struct RewardShop {
  bool present = false;  ///< rewards.yaml exists
  std::string name = "积分兑换超市", station, hours, address;
  std::vector<Reward> rewards;
  SourceLoc station_loc;
};

struct Awardee {
  std::string name, grid, story;
  std::vector<std::string> stars;
};

struct HonorRoll {
  std::string title, kind;
  int year = 0;
  std::vector<Awardee> awardees;
};

struct Hotline {
  std::string name, phone, hours;
};

struct Figure {
  std::string label, value, unit, as_of;
};

struct CommunityData {
  RewardShop shop;
  std::vector<HonorRoll> honors;   ///< newest year first, then file order
  std::vector<Hotline> hotlines;
  std::vector<Figure> figures;
};

/// Reads whichever of the four files exist, reporting every problem.
CommunityData load_community_data(const FileSystem& site, Diagnostics& diags);

}  // namespace hongfan
