package com.daiban.identity.internal;

import static com.daiban.identity.internal.OrganisationTable.CODE;
import static com.daiban.identity.internal.OrganisationTable.EMAIL;
import static com.daiban.identity.internal.OrganisationTable.KIND;
import static com.daiban.identity.internal.OrganisationTable.NAME;
import static com.daiban.identity.internal.OrganisationTable.PARENT;
import static com.daiban.identity.internal.OrganisationTable.PHONE;
import static com.daiban.identity.internal.OrganisationTable.POST;
import static com.daiban.identity.internal.OrganisationTable.ROLE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.daiban.identity.Groups;
import com.daiban.input.PhoneNumber;
import com.daiban.input.PlainText;
import com.daiban.organisation.Organisation;
import com.daiban.organisation.Township;
import com.daiban.organisation.Village;
import com.daiban.sheet.Line;
import com.daiban.sheet.SheetRejected;
import com.daiban.sheet.SheetRejected.Problem;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies an organisation table: every row is checked first and any problem refuses the whole file; then townships,
 * villages, units and staff are saved by their codes in one transaction, so importing the same file twice changes
 * nothing. Groups are saved through the identity service, which grants them what their type needs.
 */
@Component
class OrganisationImport {

	/** Kinds of group the organisation owns: a person's membership in these follows the file. */
	static final Set<String> ORGANISATION_TYPES = Set.of("VILLAGE", "TOWNSHIP", "SUPERVISION", "CITY",
			"HIGHER_SUPERVISION");

	static final String PHONE_INFO = "phone";

	static final String POST_INFO = "post";

	private static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9]{1,16}");

	private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]{0,63}");

	private static final Pattern MOBILE_OR_LANDLINE = Pattern.compile(PhoneNumber.PATTERN);

	private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,20}");

	private static final Map<String, String> UNIT_TYPES = Map.of("便民服务中心", "TOWNSHIP", "督查办", "SUPERVISION",
			"市政务服务中心", "CITY", "上级督查", "HIGHER_SUPERVISION");

	private static final Map<String, String> ROLES = Map.of("代办员", "VILLAGE", "办事员", "TOWNSHIP", "督查员",
			"SUPERVISION", "市中心办事员", "CITY", "上级督查员", "HIGHER_SUPERVISION");

	private final Organisation organisation;

	private final IdentityService identityService;

	private final FirstLogin firstLogin;

	OrganisationImport(Organisation organisation, IdentityService identityService, FirstLogin firstLogin) {
		this.organisation = organisation;
		this.identityService = identityService;
		this.firstLogin = firstLogin;
	}

	record Result(int townships, int villages, int units, int staff, int usersCreated, int usersUpdated) {
	}

	private record UnitRow(String groupId, String type, String name) {
	}

	private record StaffRow(String userId, String name, String phone, String email, String groupId, String post) {
	}

	/**
	 * @param initialPassword given to users created now, who must change it at their first login; {@code null} creates
	 * them without a password (they sign in through single sign-on)
	 */
	@Transactional
	Result apply(List<Line> lines, String initialPassword) {
		List<Problem> problems = new ArrayList<>();
		Map<String, Township> townships = new LinkedHashMap<>();
		Map<String, Village> villages = new LinkedHashMap<>();
		Map<String, UnitRow> units = new LinkedHashMap<>();
		Map<String, StaffRow> staff = new LinkedHashMap<>();
		List<Line> staffLines = new ArrayList<>();
		for (Line line : lines) {
			switch (line.get(KIND)) {
				case "镇" -> township(line, townships, problems);
				case "村", "单位", "人员" -> {
				}
				default -> problems.add(Problem.of(line.number(), KIND, "应为 镇、村、单位 或 人员，而不是「" + line.get(KIND) + "」"));
			}
		}
		Set<String> knownTownships = new HashSet<>(townships.keySet());
		organisation.townships().forEach(t -> knownTownships.add(t.code()));
		for (Line line : lines) {
			if (line.get(KIND).equals("村")) {
				village(line, knownTownships, villages, problems);
			}
			else if (line.get(KIND).equals("单位")) {
				unit(line, knownTownships, units, problems);
			}
			else if (line.get(KIND).equals("人员")) {
				staffLines.add(line);
			}
		}
		Set<String> knownVillages = new HashSet<>(villages.keySet());
		organisation.villages().forEach(v -> knownVillages.add(v.code()));
		for (Line line : staffLines) {
			person(line, knownTownships, knownVillages, units.keySet(), staff, problems);
		}
		if (initialPassword != null && (initialPassword.length() < 8 || initialPassword.length() > 64)) {
			problems.add(Problem.of("initialPassword", "初始密码应为 8 到 64 个字符"));
		}
		if (!problems.isEmpty()) {
			throw new SheetRejected(problems);
		}

		for (Township township : townships.values()) {
			organisation.saveTownship(township);
			// every township has its center and supervision office; unit rows may name them differently
			ensureGroup(Groups.township(township.code()), "TOWNSHIP", township.name() + "便民服务中心", false);
			ensureGroup(Groups.supervision(township.code()), "SUPERVISION", township.name() + "督查办", false);
		}
		for (Village village : villages.values()) {
			organisation.saveVillage(village);
			ensureGroup(Groups.village(village.code()), "VILLAGE", village.name() + "代办点", true);
		}
		for (UnitRow unit : units.values()) {
			ensureGroup(unit.groupId(), unit.type(), unit.name(), true);
		}
		int created = 0;
		int updated = 0;
		for (StaffRow person : staff.values()) {
			if (savePerson(person, initialPassword)) {
				created++;
			}
			else {
				updated++;
			}
		}
		return new Result(townships.size(), villages.size(), units.size(), staff.size(), created, updated);
	}

	private void township(Line line, Map<String, Township> townships, List<Problem> problems) {
		String code = line.get(CODE);
		int before = problems.size();
		code(line, code, "镇编码", problems);
		name(line, problems);
		String hotline = line.get(PHONE);
		if (!hotline.isEmpty() && !MOBILE_OR_LANDLINE.matcher(hotline).matches()) {
			problems.add(Problem.of(line.number(), PHONE, "服务热线应为手机号或带区号的固定电话，如 0573-84500001"));
		}
		if (problems.size() == before && townships.putIfAbsent(code,
				new Township(code, line.get(NAME), hotline.isEmpty() ? null : hotline)) != null) {
			problems.add(Problem.of(line.number(), CODE, "镇编码 " + code + " 重复"));
		}
	}

	private void village(Line line, Set<String> knownTownships, Map<String, Village> villages, List<Problem> problems) {
		String code = line.get(CODE);
		int before = problems.size();
		code(line, code, "村编码", problems);
		name(line, problems);
		String township = line.get(PARENT);
		if (!knownTownships.contains(township)) {
			problems.add(Problem.of(line.number(), PARENT, township.isEmpty() ? "请填写所属镇编码"
					: "镇 " + township + " 既不在本文件中，也尚未导入"));
		}
		if (problems.size() == before
				&& villages.putIfAbsent(code, new Village(code, line.get(NAME), township)) != null) {
			problems.add(Problem.of(line.number(), CODE, "村编码 " + code + " 重复"));
		}
	}

	private void unit(Line line, Set<String> knownTownships, Map<String, UnitRow> units, List<Problem> problems) {
		String type = UNIT_TYPES.get(line.get(ROLE));
		int before = problems.size();
		name(line, problems);
		if (type == null) {
			problems.add(Problem.of(line.number(), ROLE, "单位的角色应为 便民服务中心、督查办、市政务服务中心 或 上级督查"));
			return;
		}
		String township = line.get(PARENT);
		String groupId;
		if (type.equals("TOWNSHIP") || type.equals("SUPERVISION")) {
			if (!knownTownships.contains(township)) {
				problems.add(Problem.of(line.number(), PARENT, township.isEmpty() ? "镇级单位请填写所属镇编码"
						: "镇 " + township + " 既不在本文件中，也尚未导入"));
			}
			groupId = type.equals("TOWNSHIP") ? Groups.township(township) : Groups.supervision(township);
		}
		else {
			if (!township.isEmpty()) {
				problems.add(Problem.of(line.number(), PARENT, "市级单位不属于某个镇，请留空"));
			}
			groupId = type.equals("CITY") ? Groups.CITY_CENTER : Groups.HIGHER_SUPERVISION;
		}
		if (problems.size() == before && units.putIfAbsent(groupId, new UnitRow(groupId, type, line.get(NAME))) != null) {
			problems.add(Problem.of(line.number(), ROLE, "单位「" + line.get(NAME) + "」重复"));
		}
	}

	private void person(Line line, Set<String> knownTownships, Set<String> knownVillages, Set<String> unitsInFile,
			Map<String, StaffRow> staff, List<Problem> problems) {
		int n = line.number();
		int before = problems.size();
		String userId = line.get(CODE);
		if (!USER_ID.matcher(userId).matches()) {
			problems.add(Problem.of(n, CODE, userId.isEmpty() ? "请填写登录账号"
					: "登录账号只能由字母、数字和连字符组成（最长64位），以字母或数字开头"));
		}
		name(line, problems);
		String phone = line.get(PHONE);
		if (!MOBILE_OR_LANDLINE.matcher(phone).matches()) {
			problems.add(Problem.of(n, PHONE, phone.isEmpty() ? "请填写手机号" : "应为11位手机号或带区号的固定电话"));
		}
		String email = line.get(EMAIL);
		if (!email.isEmpty() && (!EMAIL_ADDRESS.matcher(email).matches() || !plain(email))) {
			problems.add(Problem.of(n, EMAIL, "电子邮箱格式不正确"));
		}
		String type = ROLES.get(line.get(ROLE));
		String post = line.get(POST).toUpperCase();
		String parent = line.get(PARENT);
		String groupId = null;
		if (type == null) {
			problems.add(Problem.of(n, ROLE, "人员的角色应为 代办员、办事员、督查员、市中心办事员 或 上级督查员"));
		}
		else {
			switch (type) {
				case "VILLAGE" -> {
					if (!knownVillages.contains(parent)) {
						problems.add(Problem.of(n, PARENT, parent.isEmpty() ? "代办员请填写所属村编码"
								: "村 " + parent + " 既不在本文件中，也尚未导入"));
					}
					groupId = Groups.village(parent);
				}
				case "TOWNSHIP", "SUPERVISION" -> {
					if (!knownTownships.contains(parent)) {
						problems.add(Problem.of(n, PARENT, parent.isEmpty() ? "请填写所属镇编码"
								: "镇 " + parent + " 既不在本文件中，也尚未导入"));
					}
					groupId = type.equals("TOWNSHIP") ? Groups.township(parent) : Groups.supervision(parent);
				}
				default -> {
					groupId = type.equals("CITY") ? Groups.CITY_CENTER : Groups.HIGHER_SUPERVISION;
					if (!parent.isEmpty()) {
						problems.add(Problem.of(n, PARENT, "市级人员不属于某个镇或村，请留空"));
					}
					else if (!unitsInFile.contains(groupId)
							&& identityService.createGroupQuery().groupId(groupId).count() == 0) {
						problems.add(Problem.of(n, ROLE, "尚无" + (type.equals("CITY") ? "市政务服务中心" : "上级督查")
								+ "单位：请在本文件中加一行类别为「单位」的记录"));
					}
				}
			}
			if (type.equals("VILLAGE") && !post.equals("A") && !post.equals("B")) {
				problems.add(Problem.of(n, POST, "代办员的岗位应为 A 或 B"));
			}
			else if (!type.equals("VILLAGE") && !post.isEmpty()) {
				problems.add(Problem.of(n, POST, "只有代办员分 A、B 岗，请留空"));
			}
		}
		if (problems.size() == before && staff.putIfAbsent(userId,
				new StaffRow(userId, line.get(NAME), phone, email.isEmpty() ? null : email, groupId,
						post.isEmpty() ? null : post)) != null) {
			problems.add(Problem.of(n, CODE, "登录账号 " + userId + " 重复：每人一行"));
		}
	}

	private static void code(Line line, String code, String label, List<Problem> problems) {
		if (!UNIT_CODE.matcher(code).matches()) {
			problems.add(Problem.of(line.number(), CODE, code.isEmpty() ? "请填写" + label
					: label + "只能由字母和数字组成，最长16位"));
		}
	}

	private static void name(Line line, List<Problem> problems) {
		String name = line.get(NAME);
		if (name.isEmpty()) {
			problems.add(Problem.of(line.number(), NAME, "请填写名称"));
		}
		else if (name.length() > 64 || !plain(name)) {
			problems.add(Problem.of(line.number(), NAME, "名称最长64个字符，且不能包含尖括号、表达式符号或控制字符"));
		}
	}

	/** The same rule as free text everywhere else, and no line breaks in a name. */
	private static boolean plain(String value) {
		return PlainText.Validator.isPlain(value) && value.chars().noneMatch(Character::isISOControl);
	}

	/** Creates the group, or renames it when {@code rename}; a stored group of another kind gets the file's kind. */
	private void ensureGroup(String groupId, String type, String name, boolean rename) {
		Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
		if (group == null) {
			group = identityService.newGroup(groupId);
			group.setName(name);
			group.setType(type);
			identityService.saveGroup(group);
		}
		else if ((rename && !name.equals(group.getName())) || !type.equals(group.getType())) {
			group.setName(rename ? name : group.getName());
			group.setType(type);
			identityService.saveGroup(group);
		}
	}

	/** @return whether the user was created */
	private boolean savePerson(StaffRow person, String initialPassword) {
		User user = identityService.createUserQuery().userId(person.userId()).singleResult();
		boolean created = user == null;
		if (created) {
			user = identityService.newUser(person.userId());
			user.setFirstName(person.name());
			user.setLastName("");
			user.setEmail(person.email());
			if (initialPassword != null) {
				user.setPassword(initialPassword);
			}
			identityService.saveUser(user);
			if (initialPassword != null) {
				firstLogin.require(person.userId());
			}
		}
		else if (!person.name().equals(user.getFirstName()) || !Objects.equals(person.email(), user.getEmail())) {
			user.setFirstName(person.name());
			user.setLastName("");
			user.setEmail(person.email());
			identityService.saveUser(user);
		}
		info(person.userId(), PHONE_INFO, person.phone());
		info(person.userId(), POST_INFO, person.post());
		boolean member = false;
		for (Group group : identityService.createGroupQuery().groupMember(person.userId()).list()) {
			if (group.getId().equals(person.groupId())) {
				member = true;
			}
			else if (group.getType() != null && ORGANISATION_TYPES.contains(group.getType())) {
				// moved to another village or unit: the file says where the person works now
				identityService.deleteMembership(person.userId(), group.getId());
			}
		}
		if (!member) {
			identityService.createMembership(person.userId(), person.groupId());
		}
		return created;
	}

	private void info(String userId, String key, String value) {
		String stored = identityService.getUserInfo(userId, key);
		if (value == null) {
			if (stored != null) {
				identityService.deleteUserInfo(userId, key);
			}
		}
		else if (!value.equals(stored)) {
			identityService.setUserInfo(userId, key, value);
		}
	}

}
