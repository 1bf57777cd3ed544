package io.github.camellark.lark.testkit.state;

import java.util.List;

/**
 * A department of the simulated tenant, known to batch_send under both of Lark's ids.
 *
 * @param openDepartmentId the app-scoped id ({@code od-…})
 * @param departmentId     the custom id the tenant's admin gave it (e.g. {@code D001})
 * @param parentOpenDepartmentId the {@code od-…} id of the parent department, or null for a top-level one
 * @param members          its direct members (members of sub-departments are not listed here)
 */
public record SimDepartment(String name, String openDepartmentId, String departmentId, String parentOpenDepartmentId,
        List<SimUser> members) {

    public SimDepartment {
        members = List.copyOf(members);
    }

    /** Whether {@code id} is this department's open_department_id or custom department_id. */
    public boolean hasId(String id) {
        return openDepartmentId.equals(id) || departmentId.equals(id);
    }

    @Override
    public String toString() {
        return name + " (" + openDepartmentId + ")";
    }
}
