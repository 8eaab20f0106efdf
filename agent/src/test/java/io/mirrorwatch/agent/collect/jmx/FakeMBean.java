package io.mirrorwatch.agent.collect.jmx;

import java.util.Map;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;

/**
 * A read-only MBean with fixed attributes. Dynamic, because Kafka's attribute names ({@code
 * replication-latency-ms}) are not Java identifiers.
 */
final class FakeMBean implements DynamicMBean {
  private final Map<String, Object> attributes;

  FakeMBean(Map<String, Object> attributes) {
    this.attributes = Map.copyOf(attributes);
  }

  @Override
  public Object getAttribute(String name) throws AttributeNotFoundException {
    if (!attributes.containsKey(name)) {
      throw new AttributeNotFoundException(name);
    }
    return attributes.get(name);
  }

  @Override
  public AttributeList getAttributes(String[] names) {
    AttributeList list = new AttributeList();
    for (String name : names) {
      if (attributes.containsKey(name)) {
        list.add(new Attribute(name, attributes.get(name)));
      }
    }
    return list;
  }

  @Override
  public MBeanInfo getMBeanInfo() {
    MBeanAttributeInfo[] infos =
        attributes.entrySet().stream()
            .map(
                e ->
                    new MBeanAttributeInfo(
                        e.getKey(),
                        e.getValue().getClass().getName(),
                        e.getKey(),
                        true,
                        false,
                        false))
            .toArray(MBeanAttributeInfo[]::new);
    return new MBeanInfo(FakeMBean.class.getName(), "fake", infos, null, null, null);
  }

  @Override
  public void setAttribute(Attribute attribute) {
    throw new UnsupportedOperationException();
  }

  @Override
  public AttributeList setAttributes(AttributeList attributes) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Object invoke(String action, Object[] params, String[] signature) {
    throw new UnsupportedOperationException();
  }
}
