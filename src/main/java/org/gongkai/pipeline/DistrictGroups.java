package org.gongkai.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.model.Gazetteer;

/**
 * The key of the one shuffle: the gazetteer's districts in code order, cut into a fixed number
 * of contiguous groups ({@code limits.district_groups}). A group is the unit of analysis and
 * of output parts, so the number of part files does not grow with the number of districts,
 * and a city or province touches only a few groups. Keys depend only on the gazetteer and the
 * job file, never on threads or bundles.
 */
final class DistrictGroups {
  private final Map<String, String> keyByDistrict = new HashMap<>();
  private final int groups;

  DistrictGroups(Gazetteer gazetteer, int groups) {
    this.groups = groups;
    List<String> districts = gazetteer.districtCodes();
    int n = Math.max(1, districts.size());
    for (int i = 0; i < districts.size(); i++) {
      keyByDistrict.put(districts.get(i), key((int) ((long) i * groups / n)));
    }
  }

  /** The group of a district: {@code g00017}. */
  String of(String districtCode) {
    String key = keyByDistrict.get(districtCode);
    // Every resolved township is in the gazetteer; a stray code still gets a stable group.
    return key != null ? key : key(Math.floorMod(districtCode.hashCode(), groups));
  }

  static String key(int index) {
    return String.format("g%05d", index);
  }
}
