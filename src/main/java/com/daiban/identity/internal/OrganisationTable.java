package com.daiban.identity.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.daiban.sheet.SheetRows;

/**
 * The organisation as one table, the same columns in {@code .xlsx} and {@code .csv}: one row per township, village,
 * unit or person, told apart by the first column.
 */
final class OrganisationTable {

	static final String KIND = "类别";

	static final String CODE = "编码";

	static final String NAME = "名称";

	static final String PARENT = "所属编码";

	static final String PHONE = "电话";

	static final String EMAIL = "电子邮箱";

	static final String ROLE = "角色";

	static final String POST = "岗位";

	static final List<String> COLUMNS = List.of(KIND, CODE, NAME, PARENT, PHONE, EMAIL, ROLE, POST);

	private OrganisationTable() {
	}

	/** The downloadable template: the header, an example of every kind of row, and a sheet explaining the columns. */
	static byte[] template() {
		Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
		sheets.put("组织机构", List.of(COLUMNS,
				List.of("镇", "T01", "干窑镇", "", "0573-84500001", "", "", ""),
				List.of("村", "V01", "宏杨村", "T01", "", "", "", ""),
				List.of("村", "V02", "新联村", "T01", "", "", "", ""),
				List.of("单位", "", "干窑镇便民服务中心", "T01", "", "", "便民服务中心", ""),
				List.of("单位", "", "干窑镇督查办", "T01", "", "", "督查办", ""),
				List.of("单位", "", "市政务服务中心", "", "", "", "市政务服务中心", ""),
				List.of("单位", "", "市督查室", "", "", "", "上级督查", ""),
				List.of("人员", "zhang-wei", "张伟", "V01", "13800000001", "zhangwei@example.cn", "代办员", "A"),
				List.of("人员", "li-na", "李娜", "V01", "13800000002", "", "代办员", "B"),
				List.of("人员", "wang-fang", "王芳", "T01", "13900000001", "wangfang@example.cn", "办事员", ""),
				List.of("人员", "liu-yang", "刘洋", "T01", "13900000002", "", "督查员", "")));
		sheets.put("填写说明", List.of(List.of("列", "说明"),
				List.of(KIND, "镇、村、单位或人员"),
				List.of(CODE, "镇、村：编码（字母和数字，最长16位，如 T01、V01）；人员：登录账号（字母、数字和连字符）；单位：不填"),
				List.of(NAME, "镇名、村名、单位名称或人员姓名"),
				List.of(PARENT, "村：所属镇编码；镇级单位：所属镇编码；代办员：所属村编码；办事员、督查员：所属镇编码；市级单位和人员：不填"),
				List.of(PHONE, "镇：服务热线；人员：手机号（必填）"),
				List.of(EMAIL, "人员：电子邮箱（可不填）"),
				List.of(ROLE, "单位：便民服务中心、督查办、市政务服务中心、上级督查；人员：代办员、办事员、督查员、市中心办事员、上级督查员"),
				List.of(POST, "代办员：A 或 B（A岗、B岗）；其他人员不填"),
				List.of("说明", "导入镇时自动建立该镇的便民服务中心和督查办；同一文件可重复导入，已有的镇、村、人员按编码更新")));
		return SheetRows.xlsx(sheets);
	}

}
