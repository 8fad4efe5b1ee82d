-- The public service catalogue (便民服务指南). level: where the matter is handled (VILLAGE, TOWNSHIP, CITY);
-- mode is the item's 三办 mode: DIRECT 直接办, PROXY 代办, GUIDED 指导办. Routing itself is decided by the DMN.
CREATE TABLE service_category (
    code  VARCHAR(32) PRIMARY KEY,
    name  VARCHAR(32) NOT NULL
);

CREATE TABLE service_item (
    code           VARCHAR(32)  PRIMARY KEY,
    name           VARCHAR(100) NOT NULL,
    category_code  VARCHAR(32)  NOT NULL REFERENCES service_category (code),
    department     VARCHAR(32)  NOT NULL,
    level          VARCHAR(16)  NOT NULL,
    mode           VARCHAR(16)  NOT NULL,
    materials      VARCHAR(500),
    active         BOOLEAN      DEFAULT TRUE NOT NULL
);

INSERT INTO service_category (code, name) VALUES
 ('CIVIL_AFFAIRS', '民政'),
 ('SOCIAL_SECURITY', '劳保社保'),
 ('MEDICAL_INSURANCE', '农医医保'),
 ('AGRICULTURE', '农业农村'),
 ('HEALTH', '卫生健康'),
 ('LAND_CONSTRUCTION', '国土建设'),
 ('DISABILITY', '残疾人服务'),
 ('MARKET_TAX', '工商税务');

INSERT INTO service_item (code, name, category_code, department, level, mode, materials) VALUES
 ('MZ-001', '最低生活保障申请', 'CIVIL_AFFAIRS', '民政办', 'TOWNSHIP', 'PROXY', '身份证、户口簿、家庭收入证明'),
 ('MZ-002', '特困人员供养申请', 'CIVIL_AFFAIRS', '民政办', 'TOWNSHIP', 'PROXY', '身份证、户口簿、特困情况说明'),
 ('MZ-003', '临时救助申请', 'CIVIL_AFFAIRS', '民政办', 'TOWNSHIP', 'PROXY', '身份证、困难情况说明'),
 ('MZ-004', '高龄津贴申领', 'CIVIL_AFFAIRS', '民政办', 'TOWNSHIP', 'PROXY', '身份证、户口簿、银行卡'),
 ('MZ-005', '结婚登记预约', 'CIVIL_AFFAIRS', '市婚姻登记处', 'CITY', 'GUIDED', '双方身份证、户口簿、照片'),
 ('MZ-006', '殡葬补助申领', 'CIVIL_AFFAIRS', '民政办', 'TOWNSHIP', 'PROXY', '死亡证明、火化证明、经办人身份证'),
 ('MZ-007', '困难群众医疗救助', 'CIVIL_AFFAIRS', '市民政局', 'CITY', 'PROXY', '身份证、医疗费用票据、出院小结'),
 ('MZ-008', '低保家庭情况证明', 'CIVIL_AFFAIRS', '村委会', 'VILLAGE', 'DIRECT', '身份证'),
 ('LB-001', '城乡居民养老保险参保登记', 'SOCIAL_SECURITY', '社保所', 'TOWNSHIP', 'PROXY', '身份证、户口簿'),
 ('LB-002', '城乡居民养老金待遇申领', 'SOCIAL_SECURITY', '社保所', 'TOWNSHIP', 'PROXY', '身份证、银行卡'),
 ('LB-003', '社保卡申领', 'SOCIAL_SECURITY', '社保所', 'TOWNSHIP', 'PROXY', '身份证、照片'),
 ('LB-004', '社保卡挂失补办', 'SOCIAL_SECURITY', '市社保中心', 'CITY', 'PROXY', '身份证'),
 ('LB-005', '就业失业登记', 'SOCIAL_SECURITY', '劳动保障所', 'TOWNSHIP', 'PROXY', '身份证、户口簿'),
 ('LB-006', '养老保险关系转移', 'SOCIAL_SECURITY', '市社保中心', 'CITY', 'PROXY', '身份证、参保缴费凭证'),
 ('LB-007', '被征地农民养老保障', 'SOCIAL_SECURITY', '市社保中心', 'CITY', 'PROXY', '身份证、征地证明'),
 ('NY-001', '城乡居民医保参保缴费', 'MEDICAL_INSURANCE', '医保站', 'TOWNSHIP', 'PROXY', '身份证、户口簿'),
 ('NY-002', '医疗费用手工报销', 'MEDICAL_INSURANCE', '医保站', 'TOWNSHIP', 'PROXY', '身份证、医保卡、费用清单、发票'),
 ('NY-003', '慢性病门诊待遇认定', 'MEDICAL_INSURANCE', '市医保中心', 'CITY', 'PROXY', '身份证、病历、检查报告'),
 ('NY-004', '异地就医备案', 'MEDICAL_INSURANCE', '医保站', 'TOWNSHIP', 'PROXY', '身份证、医保卡'),
 ('NY-005', '大病保险报销', 'MEDICAL_INSURANCE', '市医保中心', 'CITY', 'PROXY', '身份证、发票、出院小结'),
 ('NN-001', '耕地地力保护补贴申报', 'AGRICULTURE', '农技站', 'TOWNSHIP', 'PROXY', '身份证、承包合同、银行卡'),
 ('NN-002', '农机购置补贴申请', 'AGRICULTURE', '农技站', 'TOWNSHIP', 'PROXY', '身份证、购机发票'),
 ('NN-003', '土地承包经营权流转备案', 'AGRICULTURE', '农经站', 'TOWNSHIP', 'PROXY', '流转合同、承包证'),
 ('NN-004', '农村宅基地申请', 'AGRICULTURE', '农业农村办', 'TOWNSHIP', 'PROXY', '身份证、户口簿、申请书'),
 ('NN-005', '动物防疫服务', 'AGRICULTURE', '畜牧站', 'TOWNSHIP', 'DIRECT', '养殖情况登记'),
 ('NN-006', '农业保险理赔', 'AGRICULTURE', '农经站', 'TOWNSHIP', 'PROXY', '保单、受灾证明'),
 ('NN-007', '农民专业合作社设立登记', 'AGRICULTURE', '市市场监管局', 'CITY', 'PROXY', '章程、成员名册、身份证'),
 ('WS-001', '生育登记服务', 'HEALTH', '卫健办', 'TOWNSHIP', 'PROXY', '夫妻身份证、户口簿、结婚证'),
 ('WS-002', '计划生育家庭奖励扶助', 'HEALTH', '卫健办', 'TOWNSHIP', 'PROXY', '身份证、户口簿、独生子女证'),
 ('WS-003', '出生医学证明补办', 'HEALTH', '市妇幼保健院', 'CITY', 'PROXY', '父母身份证、原证明复印件'),
 ('WS-004', '家庭医生签约', 'HEALTH', '卫生院', 'TOWNSHIP', 'DIRECT', '身份证、医保卡'),
 ('WS-005', '老年人健康体检预约', 'HEALTH', '卫生院', 'TOWNSHIP', 'PROXY', '身份证'),
 ('WS-006', '独生子女父母光荣证补办', 'HEALTH', '卫健办', 'TOWNSHIP', 'PROXY', '身份证、户口簿'),
 ('GT-001', '农村建房规划许可', 'LAND_CONSTRUCTION', '建设办', 'TOWNSHIP', 'PROXY', '宅基地批准书、建房图纸'),
 ('GT-002', '不动产登记申请', 'LAND_CONSTRUCTION', '市不动产登记中心', 'CITY', 'PROXY', '身份证、权属来源证明'),
 ('GT-003', '农村危房改造申请', 'LAND_CONSTRUCTION', '建设办', 'TOWNSHIP', 'PROXY', '身份证、房屋照片'),
 ('GT-004', '土地权属争议调处申请', 'LAND_CONSTRUCTION', '国土所', 'TOWNSHIP', 'GUIDED', '申请书、权属证明'),
 ('CL-001', '残疾人证申领', 'DISABILITY', '残联', 'TOWNSHIP', 'PROXY', '身份证、户口簿、照片'),
 ('CL-002', '困难残疾人生活补贴', 'DISABILITY', '残联', 'TOWNSHIP', 'PROXY', '残疾人证、银行卡'),
 ('CL-003', '重度残疾人护理补贴', 'DISABILITY', '残联', 'TOWNSHIP', 'PROXY', '残疾人证、银行卡'),
 ('CL-004', '残疾人辅具适配申请', 'DISABILITY', '市残联', 'CITY', 'PROXY', '残疾人证、评估表'),
 ('GS-001', '个体工商户设立登记', 'MARKET_TAX', '工商所', 'TOWNSHIP', 'PROXY', '身份证、经营场所证明'),
 ('GS-002', '个体工商户年报', 'MARKET_TAX', '工商所', 'TOWNSHIP', 'GUIDED', '营业执照'),
 ('GS-003', '营业执照变更登记', 'MARKET_TAX', '市市场监管局', 'CITY', 'PROXY', '营业执照、变更材料'),
 ('GS-004', '税务登记及代开发票', 'MARKET_TAX', '税务分局', 'TOWNSHIP', 'PROXY', '身份证、合同'),
 ('GS-005', '食品经营许可申请', 'MARKET_TAX', '市市场监管局', 'CITY', 'PROXY', '身份证、场所平面图、健康证');
