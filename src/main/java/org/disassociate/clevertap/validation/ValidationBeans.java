package org.disassociate.clevertap.validation;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.disassociate.clevertap.model.Accounts;

/** The beans of validation: a number to E.164 with libphonenumber, or refused with a reason. */
public class ValidationBeans implements CamelConfiguration {

    @BeanInject
    private Accounts accounts;

    @PropertyInject("clevertap.default-country")
    private String defaultCountry;

    @Override
    public void configure(CamelContext camel) {
        Registry beans = camel.getRegistry();

        PhoneNormaliser normaliser = new PhoneNormaliser();
        normaliser.setDefaultCountry(defaultCountry);
        normaliser.setAccounts(accounts);
        beans.bind("phoneNormaliser", PhoneNormaliser.class, normaliser);

        // a spool file's lines: checked by their intake before they were spooled
        SpooledNumbers spooled = new SpooledNumbers();
        spooled.setNormaliser(normaliser);
        beans.bind("spooledNumbers", SpooledNumbers.class, spooled);
    }
}
