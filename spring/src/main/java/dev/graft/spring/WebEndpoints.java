package dev.graft.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring MVC's side of unloading: a plugin's request mappings are removed with its beans. Loaded only with spring-webmvc present. */
final class WebEndpoints {

    private WebEndpoints() {
    }

    /** Removes every request mapping whose handler is one of the given beans. */
    static void unmap(ListableBeanFactory beanFactory, List<String> beans) {
        for (RequestMappingHandlerMapping mapping : beanFactory.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            List<RequestMappingInfo> gone = new ArrayList<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                Object bean = e.getValue().getBean();
                if (bean instanceof String name && beans.contains(name)) {
                    gone.add(e.getKey());
                }
            }
            gone.forEach(mapping::unregisterMapping);
        }
    }
}
