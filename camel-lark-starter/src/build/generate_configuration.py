#!/usr/bin/env python3
"""Writes LarkComponentConfiguration.java from the component's catalog (lark.json), the way camel-spring-boot's
generator writes the configuration class of its own starters.

    mvn -B -q -pl camel-lark-component -am process-classes -DskipTests
    python3 camel-lark-starter/src/build/generate_configuration.py

LarkComponentConfigurationSyncTest fails when the class and the catalog disagree, naming the options to add or drop.
"""
import json
import pathlib
import re
import textwrap

ROOT = pathlib.Path(__file__).resolve().parents[3]
CATALOG = ROOT / "camel-lark-component/target/classes/META-INF/io/github/camellark/lark/lark.json"
OUT = ROOT / "camel-lark-starter" / \
    "src/main/java/io/github/camellark/lark/springboot/LarkComponentConfiguration.java"

# Options a Spring Boot application sets as a bean instead (documented in docs/spring-boot.md).
SKIPPED = set()

BOXED = {"boolean": "Boolean", "int": "Integer", "long": "Long", "double": "Double"}


def java_type(option, imports):
    """The simple name of the option's type in the Spring class, its import noted."""
    full = "java.time.Duration" if option["type"] == "duration" else BOXED.get(option["javaType"], option["javaType"])
    if "." not in full or full.startswith("java.lang."):
        return full.removeprefix("java.lang.")
    imports.add(full)
    return full.rsplit(".", 1)[1]


def initializer(option, jtype):
    value = option.get("defaultValue")
    if value is None or value == "":
        return ""
    if jtype == "Duration":
        return f" = Duration.ofMillis({value})"
    if jtype == "Boolean":
        return f" = {str(value).lower()}"
    if jtype == "Integer":
        return f" = {value}"
    if jtype == "Long":
        return f" = {value}L"
    if jtype == "String":
        return f' = "{value}"'
    if option.get("enum"):
        return f" = {jtype}.{value}"
    return ""


def javadoc(text, indent="    "):
    lines = textwrap.wrap(text.replace("*/", "*&#47;"), 112)
    return indent + "/**\n" + "".join(f"{indent} * {line}\n" for line in lines) + indent + " */\n"


def main():
    catalog = json.loads(CATALOG.read_text())
    options = [(name, o) for name, o in catalog["componentProperties"].items() if name not in SKIPPED]
    fields, accessors, imports = [], [], {"org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon",
                                          "org.springframework.boot.context.properties.ConfigurationProperties"}
    fields.append(javadoc("Whether to enable auto configuration of the lark component. This is enabled by default.")
                  + "    private Boolean enabled;\n")
    for name, option in options:
        jtype = java_type(option, imports)
        description = option["description"]
        if option.get("secret"):
            description += " Give it as a placeholder ({{env:...}} or a vault reference), never as a literal."
        if jtype == "Duration":
            description += " A duration: milliseconds (30000), 30s or ISO-8601 (PT30S)."
        fields.append(javadoc(description) + f"    private {jtype} {name}{initializer(option, jtype)};\n")
        cap = name[0].upper() + name[1:]
        accessors.append(f"    public {jtype} get{cap}() {{\n        return {name};\n    }}\n\n"
                         f"    public void set{cap}({jtype} {name}) {{\n        this.{name} = {name};\n    }}\n")
    body = "\n".join(fields) + "\n" + "\n".join(accessors)
    body = re.sub(r"\n+$", "\n", body)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    java_imports = sorted(i for i in imports if i.startswith("java."))
    other_imports = sorted(i for i in imports if not i.startswith("java."))
    import_block = "".join(f"import {i};\n" for i in java_imports) + ("\n" if java_imports else "") \
        + "".join(f"import {i};\n" for i in other_imports)
    summary = "".join(f" * {line}\n" for line in textwrap.wrap(catalog["component"]["description"], 114))
    OUT.write_text(f"""package io.github.camellark.lark.springboot;

{import_block}
/**
{summary} * <p>
 * Every option of the {{@code lark}} component as {{@code camel.component.lark.*}}, for Spring Boot's binding and IDE
 * completion. Written from the component's catalog by {{@code src/build/generate_configuration.py}}: regenerate it when
 * the component's options change (LarkComponentConfigurationSyncTest tells). Deliberately has no toString(): it holds
 * secrets.
 */
@ConfigurationProperties(prefix = "camel.component.lark")
public class LarkComponentConfiguration extends ComponentConfigurationPropertiesCommon {{

{body}}}
""")


if __name__ == "__main__":
    main()
