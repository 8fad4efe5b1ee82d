package com.daiban.engine;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.daiban.engine.FormFields.Field;
import com.daiban.engine.WriteWatch.Kind;
import com.daiban.engine.WriteWatch.Write;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableInstanceLifecycleListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one rule for every variable a person writes, whatever the path (engine REST, Tasklist, Cockpit, start forms,
 * message correlation, a future webapp): it is written by the engine command the person called, before any step of the
 * process runs. Such a write is accepted only as
 * <ul>
 * <li>the start form of a process instance the command starts: that form's editable fields, or</li>
 * <li>the form of a task the command completes or resolves: that form's editable fields; read-only fields sent back
 * unchanged are accepted, as Tasklist sends them;</li>
 * </ul>
 * and each value must meet the form's own rules (required, length, pattern, choices, plain text). Variables the process
 * owns ({@link ProcessOwnedVariables} and what the model's decisions, mappings and initiator set) are never accepted
 * from a person. Anything else is refused with a 400 naming the variable, and the whole command rolls back. An
 * administrator ({@code camunda-admin}) is not refused: each such write is recorded in {@code variable_override}.
 * <p>
 * Writes by the process's own steps (delegates, listeners, mappings), by the job executor and by our services inside
 * {@link ServerWrites} are not a person's and are not checked.
 */
@Component
class VariableWriteGuard extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(VariableWriteGuard.class);

	private final Map<String, Set<String>> declaredOwned = new HashMap<>();

	private final JdbcClient jdbc;

	private final Map<String, Set<String>> ownedByDefinition = new ConcurrentHashMap<>();

	private final Map<String, FormFields> formsByDefinition = new ConcurrentHashMap<>();

	VariableWriteGuard(List<ProcessOwnedVariables> owned, JdbcClient jdbc) {
		owned.forEach(declared -> declaredOwned.computeIfAbsent(declared.processKey(), key -> new HashSet<>())
			.addAll(declared.names()));
		this.jdbc = jdbc;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new SubmissionListeners());
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.getSessionFactories().put(DbEntityManager.class, new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return DbEntityManager.class;
			}

			@Override
			public Session openSession() {
				return new WatchingEntityManager(configuration, VariableWriteGuard.this);
			}

		});
		configuration.getSessionFactories().put(WriteWatch.class, new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return WriteWatch.class;
			}

			@Override
			public Session openSession() {
				WriteWatch watch = new WriteWatch(VariableWriteGuard.this);
				Context.getCommandContext().registerCommandContextListener(watch);
				return watch;
			}

		});
	}

	// --- who is writing ---------------------------------------------------------------------------------------------

	/** The person on whose behalf the current command writes, or null for the process itself and our services. */
	private static Authentication person() {
		CommandContext command = Context.getCommandContext();
		if (command == null || ServerWrites.active() || Context.getBpmnExecutionContext() != null) {
			return null;
		}
		Authentication authentication = command.getAuthentication();
		return authentication == null || authentication.getUserId() == null ? null : authentication;
	}

	private static boolean isAdministrator(Authentication person) {
		return person.getGroupIds() != null && person.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
	}

	private static WriteWatch watch() {
		return Context.getCommandContext().getSession(WriteWatch.class);
	}

	/** Called for every execution, task and variable the command loads or creates. */
	void loaded(DbEntity entity, boolean fromDatabase) {
		if (person() == null) {
			return;
		}
		if (entity instanceof ExecutionEntity execution) {
			execution.addVariableListener(new Writes(execution));
		}
		else if (entity instanceof TaskEntity task) {
			task.addCustomLifecycleListener(new Writes(task));
			watch().touchedByPerson(task.getId());
		}
		else if (fromDatabase && entity instanceof VariableInstanceEntity variable) {
			watch().remember(variable.getId(), stored(variable));
		}
	}

	private final class Writes implements VariableInstanceLifecycleListener<VariableInstanceEntity> {

		private final AbstractVariableScope scope;

		Writes(AbstractVariableScope scope) {
			this.scope = scope;
		}

		@Override
		public void onCreate(VariableInstanceEntity variable, AbstractVariableScope sourceScope) {
			written(variable, scope, Kind.CREATE);
		}

		@Override
		public void onUpdate(VariableInstanceEntity variable, AbstractVariableScope sourceScope) {
			written(variable, scope, Kind.UPDATE);
		}

		@Override
		public void onDelete(VariableInstanceEntity variable, AbstractVariableScope sourceScope) {
			written(variable, scope, Kind.DELETE);
		}

	}

	private void written(VariableInstanceEntity variable, AbstractVariableScope scope, Kind kind) {
		Authentication person = person();
		if (person == null) {
			return;
		}
		ExecutionEntity execution = scope instanceof TaskEntity task ? task.getExecution()
				: scope instanceof ExecutionEntity own ? own : null;
		if (execution == null) {
			// a task of its own, outside any process: its variables are nobody's record
			return;
		}
		WriteWatch watch = watch();
		Write write = new Write(variable.getName(), kind, kind == Kind.DELETE ? null : variable.getTypedValue(false),
				variable.isTransient(), watch.storedValue(variable.getId()), kind == Kind.DELETE ? null : stored(variable),
				execution, scope instanceof TaskEntity task ? task.getId() : null);
		if (execution.isProcessInstanceExecution() && execution.isStarting()) {
			settle(List.of(write), startForm(execution), owned(execution), initiator(execution), person, null);
			watch.started(execution, write, person);
		}
		else {
			watch.pending(write, person);
		}
	}

	// --- what the write was for -------------------------------------------------------------------------------------

	/** A person completes or resolves a task: what they wrote in this command is that task's submission. */
	void submitted(DelegateTask delegateTask) {
		if (!TaskListener.EVENTNAME_COMPLETE.equals(delegateTask.getEventName())
				&& ((TaskEntity) delegateTask).getDelegationState() != DelegationState.RESOLVED) {
			return;
		}
		CommandContext command = Context.getCommandContext();
		Authentication person = command.getAuthentication();
		TaskEntity task = (TaskEntity) delegateTask;
		if (ServerWrites.active() || person == null || person.getUserId() == null || task.getExecution() == null
				|| !watch().isPersonTask(task.getId())) {
			return;
		}
		FormFields form = taskForm(task);
		settle(watch().takePending(), form, owned(task.getExecution()), null, person, task.getId());
		if (!isAdministrator(person) && TaskListener.EVENTNAME_COMPLETE.equals(delegateTask.getEventName())) {
			for (Field field : form.all()) {
				Object value = field.editable() && field.required() ? task.getVariable(field.key()) : "present";
				if (value == null || value instanceof String text && text.isBlank()) {
					throw refusal(field.key(), field.name() + "为必填项");
				}
			}
		}
	}

	/** Writes no start and no task accounts for: a person changing a running process directly. */
	void settleDirect(List<Write> writes, Authentication person) {
		for (Write write : writes) {
			settle(List.of(write), FormFields.NONE, owned(write.execution()), null, person, write.taskId());
		}
	}

	void checkStartComplete(ExecutionEntity processInstance, Set<String> entered, Authentication person) {
		if (isAdministrator(person)) {
			return;
		}
		for (Field field : startForm(processInstance).all()) {
			if (field.editable() && field.required() && !entered.contains(field.key())) {
				throw refusal(field.key(), field.name() + "为必填项");
			}
		}
	}

	private void settle(Collection<Write> writes, FormFields form, Set<String> owned, String initiator,
			Authentication person, String taskId) {
		for (Write write : writes) {
			if (initiator != null && initiator.equals(write.name()) && write.value() != null
					&& person.getUserId().equals(write.value().getValue())) {
				continue;
			}
			String problem = problem(write, form, owned);
			if (problem == null) {
				continue;
			}
			if (!isAdministrator(person)) {
				throw refusal(write.name(), problem);
			}
			record(write, person, taskId != null ? taskId : write.taskId(), problem);
		}
	}

	static String problem(Write write, FormFields form, Set<String> owned) {
		String name = write.name();
		if (write.isTransient()) {
			return "不接受临时变量：" + name;
		}
		if (write.kind() == Kind.DELETE) {
			return "不能删除流程变量：" + name;
		}
		Field field = form.field(name);
		if (field == null) {
			return form == FormFields.NONE ? "不能直接修改流程变量：" + name + "（只能通过办理任务的表单提交）"
					: "表单中没有这一项，不能提交：" + name;
		}
		if (!field.editable() && write.unchanged()) {
			return null;
		}
		if (owned.contains(name) && !write.unchanged()) {
			return field.name() + "由流程自动生成，不能修改";
		}
		if (!field.editable()) {
			return field.name() + "是只读项，不能修改";
		}
		return field.problem(write.value() == null ? null : write.value().getValue());
	}

	private static org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException refusal(String field,
			String message) {
		return new org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException(field, message);
	}

	private void record(Write write, Authentication person, String taskId, String problem) {
		log.warn("administrator {} wrote {} of process instance {} ({})", person.getUserId(), write.name(),
				write.execution().getProcessInstanceId(), problem);
		jdbc.sql("""
				INSERT INTO variable_override (changed_at, user_id, process_instance_id, task_id, variable_name, operation,
				                               old_value, new_value, reason)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC), person.getUserId(),
					write.execution().getProcessInstanceId(), taskId, write.name(), write.kind().name(),
					clip(write.before()), clip(write.after()), clip(problem))
			.update();
	}

	private static String clip(String text) {
		return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
	}

	/** The stored value as text: a Long 5 and a String "5" read the same, as a form shows them. */
	static String stored(VariableInstanceEntity variable) {
		if (variable.getTextValue() != null) {
			return variable.getTextValue();
		}
		if (variable.getLongValue() != null) {
			return "boolean".equals(variable.getSerializerName()) ? String.valueOf(variable.getLongValue() == 1)
					: variable.getLongValue().toString();
		}
		if (variable.getDoubleValue() != null) {
			return variable.getDoubleValue().toString();
		}
		return variable.getByteArrayValueId() == null ? null : "\0" + variable.getByteArrayValueId();
	}

	// --- the models and forms ---------------------------------------------------------------------------------------

	private Set<String> owned(ExecutionEntity execution) {
		ProcessDefinitionEntity definition = execution.getProcessDefinition();
		return ownedByDefinition.computeIfAbsent(definition.getId(), id -> {
			Set<String> names = new HashSet<>(declaredOwned.getOrDefault(definition.getKey(), Set.of()));
			BpmnModelInstance model = model(definition);
			model.getModelElementsByType(CamundaOutputParameter.class).forEach(p -> names.add(p.getCamundaName()));
			model.getModelElementsByType(CamundaOut.class).forEach(out -> names.add(out.getCamundaTarget()));
			model.getModelElementsByType(BusinessRuleTask.class).forEach(t -> names.add(t.getCamundaResultVariable()));
			model.getModelElementsByType(ServiceTask.class).forEach(t -> names.add(t.getCamundaResultVariable()));
			model.getModelElementsByType(ScriptTask.class).forEach(t -> names.add(t.getCamundaResultVariable()));
			model.getModelElementsByType(StartEvent.class).forEach(s -> names.add(s.getCamundaInitiator()));
			names.remove(null);
			return Set.copyOf(names);
		});
	}

	private static String initiator(ExecutionEntity processInstance) {
		return (String) processInstance.getProcessDefinition().getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME);
	}

	private static BpmnModelInstance model(ProcessDefinitionEntity definition) {
		return Context.getProcessEngineConfiguration().getDeploymentCache()
			.findBpmnModelInstanceForProcessDefinition(definition.getId());
	}

	private FormFields startForm(ExecutionEntity processInstance) {
		ActivityImpl activity = processInstance.getActivity();
		if (activity == null) {
			return FormFields.NONE;
		}
		ProcessDefinitionEntity definition = processInstance.getProcessDefinition();
		ModelElementInstance element = model(definition).getModelElementById(activity.getId());
		return element instanceof StartEvent start ? form(definition, start.getCamundaFormRef(),
				start.getCamundaFormRefBinding(), start.getCamundaFormRefVersion(), start.getCamundaFormKey())
				: FormFields.NONE;
	}

	private FormFields taskForm(TaskEntity task) {
		ProcessDefinitionEntity definition = task.getExecution().getProcessDefinition();
		ModelElementInstance element = model(definition).getModelElementById(task.getTaskDefinitionKey());
		return element instanceof UserTask userTask ? form(definition, userTask.getCamundaFormRef(),
				userTask.getCamundaFormRefBinding(), userTask.getCamundaFormRefVersion(), userTask.getCamundaFormKey())
				: FormFields.NONE;
	}

	private FormFields form(ProcessDefinitionEntity definition, String formRef, String binding, String version,
			String formKey) {
		CommandContext command = Context.getCommandContext();
		if (formRef != null) {
			CamundaFormRefImpl reference = new CamundaFormRefImpl(formRef, binding == null ? "latest" : binding);
			if (version != null) {
				reference.setVersion(Integer.valueOf(version));
			}
			CamundaFormRef ref = reference;
			CamundaFormDefinition form = command
				.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(ref, definition.getDeploymentId()));
			return form == null ? FormFields.NONE
					: formsByDefinition.computeIfAbsent(form.getId(),
							id -> FormFields.parse(resource(form.getDeploymentId(), form.getResourceName())));
		}
		String deployed = "camunda-forms:deployment:";
		if (formKey != null && formKey.startsWith(deployed)) {
			String name = formKey.substring(deployed.length());
			return formsByDefinition.computeIfAbsent(definition.getDeploymentId() + ":" + name,
					id -> FormFields.parse(resource(definition.getDeploymentId(), name)));
		}
		// no form, or an HTML form we cannot read: nothing may be entered
		return FormFields.NONE;
	}

	private static byte[] resource(String deploymentId, String name) {
		ResourceEntity resource = Context.getCommandContext().getResourceManager()
			.findResourceByDeploymentIdAndResourceName(deploymentId, name);
		return resource == null ? new byte[] { '{', '}' } : resource.getBytes();
	}

	/** Every user task tells the guard when it is completed or resolved. */
	private final class SubmissionListeners extends AbstractBpmnParseListener {

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
			TaskListener listener = VariableWriteGuard.this::submitted;
			definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
			definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
			definition.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, listener);
		}

	}

	/** The engine's entity manager, telling the guard what each command loads and creates. */
	static final class WatchingEntityManager extends DbEntityManager {

		private final VariableWriteGuard guard;

		WatchingEntityManager(ProcessEngineConfigurationImpl configuration, VariableWriteGuard guard) {
			super(configuration.getIdGenerator(), Context.getCommandContext().getSession(PersistenceSession.class));
			this.guard = guard;
		}

		@Override
		public void insert(DbEntity entity) {
			super.insert(entity);
			guard.loaded(entity, false);
		}

		@Override
		public void onEntityLoaded(DbEntity entity) {
			boolean fresh = getDbEntityCache().get(entity.getClass(), entity.getId()) == null;
			super.onEntityLoaded(entity);
			if (fresh) {
				guard.loaded(entity, true);
			}
		}

	}

}
