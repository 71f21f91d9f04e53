#include "data/xlsx.h"

#include <doctest/doctest.h>
#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

using namespace hongfan;

namespace {

// A workbook from its parts, zipped with libzip through a temporary file.
std::string zip_parts(const std::map<std::string, std::string>& parts) {
  char path[] = "/tmp/hongfan-xlsx-XXXXXX";
  int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  close(fd);
  int err = 0;
  zip_t* z = zip_open(path, ZIP_TRUNCATE, &err);
  REQUIRE(z);
  for (const auto& [name, text] : parts) {
    zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
    REQUIRE(src);
    REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::remove(path);
  return ss.str();
}

const char* kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="积分" sheetId="2" r:id="rId7"/><sheet name="Sheet2" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const char* kRels =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId7" Type="x/worksheet" Target="/xl/worksheets/ledger.xml"/></Relationships>)";
// Style 1 is a built-in date (14), 2 a custom Chinese date, 3 a plain number.
const char* kStyles =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="2"/></cellXfs></styleSheet>)";
const char* kStrings =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<si><t>日期</t></si><si><t>人员</t></si><si><r><t>李</t></r><r><t>瑞勤</t></r><rPh><t>li</t></rPh></si></sst>)";
const char* kSheet =
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>积分</t></is></c></row>
<row r="2"><c r="A2" s="1"/><c r="B2" t="s"/></row>
<row r="3"><c r="A3" s="1"><v>45444</v></c><c r="B3" t="s"><v>2</v></c><c r="C3"><v>5</v></c></row>
<row r="5"><c r="A5" s="2"><v>45445.395833333336</v></c><c r="C5" s="3"><v>-20</v></c><c r="D5" t="b"><v>1</v></c></row>
<row r="6"><c r="B6" t="str"><f>A1</f><v>公式</v></c><c r="AA6"><v>2.5</v></c></row>
</sheetData></worksheet>)";

}  // namespace

TEST_CASE("the first sheet of a workbook, as Excel writes it") {
  std::string book = zip_parts({{"xl/workbook.xml", kWorkbook},
                                {"xl/_rels/workbook.xml.rels", kRels},
                                {"xl/styles.xml", kStyles},
                                {"xl/sharedStrings.xml", kStrings},
                                {"xl/worksheets/sheet1.xml", "<worksheet/>"},
                                {"xl/worksheets/ledger.xml", kSheet}});
  std::string why;
  auto rows = read_xlsx_first_sheet(book, &why);
  REQUIRE(rows);
  REQUIRE(rows->size() == 4);  // row 2 has only empty cells
  const auto& r = *rows;
  CHECK(r[0].number == 1);
  CHECK(r[0].cells == std::vector<std::string>{"日期", "人员", "积分"});
  CHECK(r[1].number == 3);
  CHECK(r[1].cells == std::vector<std::string>{"2024-06-01", "李瑞勤", "5"});  // no reading (rPh)
  CHECK(r[2].number == 5);
  CHECK(r[2].cells == std::vector<std::string>{"2024-06-02 09:30", "", "-20", "TRUE"});
  CHECK(r[3].cells.size() == 27);
  CHECK(r[3].cells[1] == "公式");
  CHECK(r[3].cells[26] == "2.5");
}

TEST_CASE("what is not a workbook says so") {
  std::string why;
  CHECK_FALSE(read_xlsx_first_sheet("PK\x03\x04 not really", &why));
  CHECK(why == "this is not an Excel workbook (.xlsx), or it is damaged");
  CHECK_FALSE(read_xlsx_first_sheet(zip_parts({{"word/document.xml", "<w/>"}}), &why));
  CHECK(why == "this is not an Excel workbook (.xlsx), or it is damaged");
  CHECK_FALSE(read_xlsx_first_sheet(zip_parts({{"xl/workbook.xml", kWorkbook}}), &why));
  CHECK(why == "the workbook has no worksheet");
  CHECK_FALSE(read_xlsx_first_sheet(
      zip_parts({{"xl/workbook.xml", kWorkbook}, {"xl/_rels/workbook.xml.rels", kRels},
                 {"xl/worksheets/ledger.xml", "<worksheet><sheetData><row>"}}),
      &why));
  CHECK(why == "this is not an Excel workbook (.xlsx), or it is damaged");
}

TEST_CASE("column names") {
  CHECK(xlsx_column_name(1) == "A");
  CHECK(xlsx_column_name(26) == "Z");
  CHECK(xlsx_column_name(27) == "AA");
  CHECK(xlsx_column_name(703) == "AAA");
}
