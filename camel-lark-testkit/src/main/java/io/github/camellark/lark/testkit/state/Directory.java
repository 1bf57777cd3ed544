package io.github.camellark.lark.testkit.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The tenant's users and departments. Part of {@link SimulatorState}. */
final class Directory {

    private final StateContext context;
    private final String tenantKey;
    private final Map<String, SimUser> users = new LinkedHashMap<>();
    private final Map<String, SimDepartment> departments = new LinkedHashMap<>();

    Directory(StateContext context, String tenantKey) {
        this.context = context;
        this.tenantKey = tenantKey;
    }

    void clear() {
        users.clear();
        departments.clear();
    }

    SimUser createUser(String name) {
        String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
        return createUser(name, (local.isEmpty() ? "user" : local) + "@example.com");
    }

    SimUser createUser(String name, String email) {
        synchronized (context.lock) {
            SimUser user = new SimUser(name, context.ids.openId(), context.ids.unionId(), context.ids.userId(), email, tenantKey);
            users.put(user.openId(), user);
            return user;
        }
    }

    List<SimUser> users() {
        synchronized (context.lock) {
            return List.copyOf(users.values());
        }
    }

    Optional<SimUser> user(String anyId) {
        synchronized (context.lock) {
            SimUser direct = users.get(anyId);
            if (direct != null) {
                return Optional.of(direct);
            }
            return users.values().stream().filter(u -> u.hasId(anyId)).findFirst();
        }
    }

    Optional<SimUser> user(String idType, String id) {
        synchronized (context.lock) {
            return users.values().stream().filter(u -> id != null && id.equals(u.id(idType))).findFirst();
        }
    }

    SimDepartment createDepartment(String name, String departmentId, SimDepartment parent, Collection<SimUser> members) {
        Objects.requireNonNull(name, "name");
        synchronized (context.lock) {
            String customId = departmentId != null ? departmentId : String.format("D%03d", departments.size() + 1);
            if (departments.values().stream().anyMatch(d -> d.hasId(customId))) {
                throw new IllegalArgumentException("a department with id " + customId + " exists already");
            }
            if (parent != null && !departments.containsKey(parent.openDepartmentId())) {
                throw new IllegalArgumentException("no simulated department " + parent);
            }
            SimDepartment department = new SimDepartment(name, context.ids.openDepartmentId(), customId,
                    parent == null ? null : parent.openDepartmentId(), List.copyOf(members));
            departments.put(department.openDepartmentId(), department);
            return department;
        }
    }

    List<SimDepartment> departments() {
        synchronized (context.lock) {
            return List.copyOf(departments.values());
        }
    }

    Optional<SimDepartment> department(String anyId) {
        synchronized (context.lock) {
            return departments.values().stream().filter(d -> anyId != null && d.hasId(anyId)).findFirst();
        }
    }

    List<SimUser> departmentMembers(SimDepartment department) {
        synchronized (context.lock) {
            List<SimUser> members = new ArrayList<>();
            collectMembers(department, members);
            return List.copyOf(members);
        }
    }

    private void collectMembers(SimDepartment department, List<SimUser> into) {
        department.members().stream().filter(u -> !into.contains(u)).forEach(into::add);
        departments.values().stream()
                .filter(d -> department.openDepartmentId().equals(d.parentOpenDepartmentId()))
                .forEach(child -> collectMembers(child, into));
    }
}
